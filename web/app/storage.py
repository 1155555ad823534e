"""Saved progress on the device: localStorage when the browser allows it, memory when it doesn't.

Nothing here understands sessions; it stores strings under keys. Damaged records are moved
aside under an ``aside:`` key (kept, not deleted) by the shell.
"""

from __future__ import annotations

from typing import Any

PREFIX = "folkevalgt-quiz:v1:"


class Storage:
    """A tiny key-value store over ``localStorage`` with an in-memory fall-back."""

    def __init__(self, window: Any) -> None:
        self.memory: dict[str, str] = {}
        self.local = _usable_local_storage(window)

    @property
    def persistent(self) -> bool:
        return self.local is not None

    def get(self, key: str) -> str | None:
        if self.local is not None:
            try:
                value = self.local.getItem(PREFIX + key)
                # JS null arrives as pyodide's jsnull, not None: only a str is a stored value.
                return value if isinstance(value, str) else None
            except Exception:
                self.local = None
        return self.memory.get(key)

    def set(self, key: str, value: str) -> bool:
        """Store ``value``; ``False`` when it could only be kept in memory."""
        self.memory[key] = value
        if self.local is None:
            return False
        try:
            self.local.setItem(PREFIX + key, value)
            return True
        except Exception:
            self.local = None
            return False

    def remove(self, key: str) -> None:
        self.memory.pop(key, None)
        if self.local is not None:
            try:
                self.local.removeItem(PREFIX + key)
            except Exception:
                self.local = None


def _usable_local_storage(window: Any) -> Any:
    try:
        local = window.localStorage
        probe = PREFIX + "probe"
        local.setItem(probe, "1")
        local.removeItem(probe)
        return local
    except Exception:
        return None
