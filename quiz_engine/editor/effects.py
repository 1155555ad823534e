"""What the editor's shell does after a message: the engine's answer, as plain JSON.

Like the app's ``Output`` (``quiz_engine/app/effects.py``), with what only the editor has: the
problems to show beside the fields, the preview's drawing (the app's own answer, drawn in the
preview frame), and a file to save.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class EditorOutput:
    """What the shell does next. Empty fields mean "leave it as it is"."""

    page: str | None = None  # the new body of #app
    title: str | None = None
    lang: str | None = None
    rendered: str | None = None  # the address the page now shows (tests wait on it)
    go: str | None = None  # the address of what is drawn: a history entry, without a redraw
    focus: str | None = None  # a CSS selector
    announce: str = ""
    notices: str | None = None
    writes: dict[str, str | None] = field(default_factory=dict)  # None removes the key
    # Parts of the page to redraw in place, by element id: the form, the problems, the preview's
    # state; the rest of the page (and the preview frame) stays.
    parts: dict[str, str] = field(default_factory=dict)
    # The problem beside each field of the form drawn (by the slot's id; every slot not named
    # is emptied); None leaves them as they are.
    problems: dict[str, str] | None = None
    # The preview: the app's answer (quiz_engine.app's Output, as a dict) and its address.
    preview: dict[str, Any] | None = None
    # A file to save: {"name": "gaver.toml", "text": "...", "type": "application/toml"}.
    download: dict[str, str] | None = None
    # Build the finished edition: the shell asks the worker to fetch the site's kit and build
    # it (``editor_worker.site``), then saves the zip.
    build: bool = False

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"), default=str)
