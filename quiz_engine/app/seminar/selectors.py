"""Selectors for the seminar's controls, so focus stays on the one that was used."""

from __future__ import annotations

# The reveal's focus: the step button, which stays where it was (it does not scroll).
NEXT_STEP = '[data-action="seminar-step"][data-to="next"]'


def same_control(action: str, data: dict[str, str]) -> str:
    """A selector for the control that was used, so focus stays on it after the redraw."""
    picked = "".join(f'[data-{k}="{_quoted(v)}"]' for k, v in sorted(data.items()))
    return f'[data-action="{action}"]{picked}'


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')
