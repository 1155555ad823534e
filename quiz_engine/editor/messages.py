"""Each message of the editor's shell, and what it does: a value typed, a button pressed, a
small form sent, files opened, the text typed, the preview played, another tab's writing.

Everything in a message is read with bounds: an unknown action, a path that is not one, a value
too long, a draft that is not there: nothing happens, and the page goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .actions import click, open_draft
from .document import parse_path
from .draft import MAX_TEXT, RECORD, draft_from_record
from .edition_messages import handle_edition, is_edition
from .edits import (
    change_kind,
    set_value,
)
from .effects import EditorOutput
from .fields import SOURCES_FILE, field_id
from .routes import QUIZ, TEXT, Place, parse_place

if TYPE_CHECKING:
    from .app import Editor

MAX_VALUE = 100_000
# Notices the shell asks for: storage denied, a new version waiting.
NOTICES = {"storage": "editor.notice.storage_off", "update": "editor.notice.update"}


def handle(editor: Editor, message: dict[str, Any]) -> EditorOutput:
    kind = message.get("type")
    address = str(message.get("address", ""))[:300]
    if kind == "show":
        editor.confirming, editor.source_error = "", ""
        return editor.show(address, "heading" if message.get("focus") is not None else None)
    own_click = kind != "click" or str(message.get("action", "")).startswith("edition-")
    if kind in ("edit", "click", "submit", "arms") and is_edition(address) and own_click:
        return handle_edition(editor, str(kind), address, message)
    if kind == "preview":
        inner = message.get("message")
        return EditorOutput(
            preview=editor.preview.dispatch(inner) if isinstance(inner, dict) else None
        )
    if kind == "edit":
        return _edit(editor, address, message)
    if kind == "text":
        return _text(editor, address, message.get("value"))
    if kind == "click" or kind == "submit":
        data = message.get("data") if kind == "click" else message.get("form")
        values = (
            {str(k): str(v)[:MAX_VALUE] for k, v in dict(data or {}).items()}
            if isinstance(data, dict)
            else {}
        )
        return click(editor, address, str(message.get("action", "")), values)
    if kind == "open":
        files = message.get("files")
        return _open(
            editor, [f for f in files if isinstance(f, dict)] if isinstance(files, list) else []
        )
    if kind == "notice" and message.get("key") in NOTICES:
        notice: tuple[str, dict[str, str]] = (NOTICES[str(message["key"])], {})
        if notice not in editor.notices:
            editor.notices.append(notice)
        return EditorOutput(notices=editor.notices_html())
    if kind == "dismiss":
        index = message.get("index")
        if isinstance(index, int) and 0 <= index < len(editor.notices):
            del editor.notices[index]
        return EditorOutput(notices=editor.notices_html(), focus="#main h1")
    if kind == "stored":
        return _stored(editor, address, str(message.get("key", "")), message.get("value"))
    return EditorOutput()


def _draft_at(editor: Editor, address: str) -> tuple[Place, Any]:
    place = parse_place(address)
    return place, editor.work.drafts.get(place.draft)


def _edit(editor: Editor, address: str, message: dict[str, Any]) -> EditorOutput:
    place, draft = _draft_at(editor, address)
    path = parse_path(str(message.get("path", "")))
    value = message.get("value")
    if draft is None or draft.doc is None or not place.edits or not path:
        return EditorOutput()
    if not isinstance(value, str) or len(value) > MAX_VALUE:
        return EditorOutput()
    if message.get("file") == SOURCES_FILE:
        sources = draft.sources_doc
        if sources is None:
            return EditorOutput()
        new = draft.with_sources(set_value(sources, path, value))
    elif path[-1] == "kind" and len(path) == 3 and path[0] == "questions":
        new = draft.with_doc(change_kind(draft.doc, path[:2], value))
    else:
        new = draft.with_doc(set_value(draft.doc, path, value))
    kind_changed = path[-1] == "kind" and len(path) == 3
    out = editor.redraw(new, place, form=kind_changed)
    if kind_changed:
        out.focus = "#" + field_id(path)
    return editor.store(new, out)


def _text(editor: Editor, address: str, value: object) -> EditorOutput:
    place, draft = _draft_at(editor, address)
    if draft is None or place.name != TEXT or not isinstance(value, str) or len(value) > MAX_TEXT:
        return EditorOutput()
    new = draft.with_text(value)
    out = editor.redraw(new, place, form=False)
    t = editor.t
    out.parts["text-state"] = (
        t("editor.text.not_toml") if new.doc is None else t("editor.text.about")
    )
    return editor.store(new, out)


def _open(editor: Editor, files: list[dict[str, Any]]) -> EditorOutput:
    opened = editor.work.open_files(files)
    editor.notices.extend(opened.notices)
    if opened.draft is None:
        out = editor.show("#/", focus=None)
        out.notices = editor.notices_html()
        out.focus = "#notices .notice"
        return out
    return open_draft(editor, opened.draft, Place(QUIZ, opened.draft.key))


def _stored(editor: Editor, address: str, key: str, value: object) -> EditorOutput:
    """Another tab saved a draft: take it over, so this tab does not write over it."""
    if not key.startswith(RECORD):
        return EditorOutput()
    draft_key = key.removeprefix(RECORD)
    if value is None:
        editor.work.drafts.pop(draft_key, None)
        return EditorOutput()
    draft = draft_from_record(draft_key, value) if isinstance(value, str) else None
    if draft is None:
        return EditorOutput()
    editor.work.drafts[draft_key] = draft
    place = parse_place(address)
    if place.draft == draft_key and place.edits:
        return editor.redraw(draft, place, form=False)
    return EditorOutput()
