"""What the editor's tests share: the app's content as the editor is shipped with it, a new
editor on it, and a way to talk to it as its shell does."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from quiz_engine import content_to_json, load_content
from quiz_engine.editor import Editor, EditorOutput, launch
from quiz_engine.editor.library import Library, library_from_json, library_to_json
from web.build.catalogues import read_catalogues

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"


@cache
def shipped_files() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SCENARIOS.glob("*.toml"))}


@cache
def library_json() -> tuple[str, str]:
    content = load_content([SCENARIOS])
    return library_to_json(shipped_files(), content), content_to_json(content)


def library() -> Library:
    return library_from_json(*library_json())


def editor(records: dict[str, str] | None = None, persistent: bool = True) -> Editor:
    strings = json.dumps(read_catalogues())
    return launch(*library_json(), strings, json.dumps(records or {}), persistent, 0)


class Shell:
    """Sends messages as web/editor/static/editor.mjs does, and keeps what it stores and where
    it is, so a test reads like a writer's session."""

    def __init__(self, records: dict[str, str] | None = None) -> None:
        self.records: dict[str, str] = dict(records or {})
        self.editor = editor(self.records)
        self.address = "#/"
        self.last = self.apply(self.editor.boot(self.address))
        self.preview: dict[str, Any] | None = self.last.preview

    def apply(self, out: EditorOutput) -> EditorOutput:
        for key, value in out.writes.items():
            if value is None:
                self.records.pop(key, None)
            else:
                self.records[key] = value
        if out.go is not None:
            self.address = out.go
        if out.preview is not None:
            self.preview = out.preview
        self.last = out
        return out

    def send(self, message: dict[str, Any]) -> EditorOutput:
        sent = {"address": self.address, "today": "2026-12-04", **message}
        return self.apply(self.editor.dispatch(json.loads(json.dumps(sent))))

    def go(self, address: str) -> EditorOutput:
        self.address = address
        return self.send({"type": "show", "focus": "heading"})

    def click(self, action: str, **data: str) -> EditorOutput:
        return self.send({"type": "click", "action": action, "data": data})

    def edit(self, path: str, value: str, file: str = "quiz") -> EditorOutput:
        return self.send({"type": "edit", "path": path, "value": value, "file": file})

    def play(self, message: dict[str, Any]) -> EditorOutput:
        """A message from the preview frame, as the app's shell would send it."""
        address = self.preview["address"] if self.preview else ""
        return self.send({"type": "preview", "message": {"address": address, **message}})

    def problems_beside(self) -> dict[str, str]:
        return {k: v for k, v in (self.last.problems or {}).items() if v}
