"""What each button and small form of the editor's pages does to the drafts: open or start one,
add, move or remove a question or an item, tick a box, add a source, go to a problem's field,
save a file. Each answers what to draw and where the focus goes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..base.errors import KeyPath
from ..content.reader import ID_PATTERN
from ..kinds import REGISTRY
from .document import get, parse_path
from .draft import RECORD
from .edits import (
    add_band,
    add_item,
    add_question,
    add_ref,
    choose_best,
    move_item,
    new_source,
    remove,
    remove_ref,
    toggle,
    toggle_ref,
)
from .effects import EditorOutput
from .fields import QUIZ_FILE, SOURCES_FILE, field_id
from .file_screens import download
from .problems import focus_for
from .routes import NOT_FOUND, QUESTION, QUIZ, SOURCES, START, Place, href, parse_place

if TYPE_CHECKING:
    from .app import Editor

FORM_ACTIONS = (
    "flag",
    "best",
    "toggle-ref",
    "remove-ref",
    "add-item",
    "remove-item",
    "move-item",
    "add-band",
    "remove-source",
    "ask-remove",
    "cancel",
)


def click(editor: Editor, address: str, action: str, data: dict[str, str]) -> EditorOutput:
    """A button (``data-action``), or a small form's values, of the editor's pages."""
    place = parse_place(address)
    draft = editor.work.drafts.get(place.draft)
    if action == "lang":
        if data.get("lang") in editor.catalogues:
            editor.lang = data["lang"]
        editor.drawn = Place(NOT_FOUND)
        out = editor.show(address)
        out.focus = f'[data-lang="{editor.lang}"]'
        out.writes["lang"] = editor.lang
        return out
    if action == "open-shipped":
        opened = editor.work.open_shipped(data.get("quiz", ""))
        return open_draft(editor, opened, Place(QUIZ, opened.key)) if opened else EditorOutput()
    if action == "new-quiz":
        return _new(editor)
    if action in ("ask-discard", "discard") or (action == "cancel" and place.name == START):
        return _discard(editor, action, data.get("draft", ""))
    if draft is None or draft.doc is None:
        return EditorOutput()
    if action == "download":
        return EditorOutput(download=download(draft, data.get("file", "quiz")))
    if action == "preview-mode" and data.get("mode") in ("question", "quiz"):
        editor.mode = data["mode"]
        out = editor.redraw(draft, place, form=False)
        out.focus = f"#preview-mode-{editor.mode}"
        return out
    if action == "goto":
        return _goto(editor, draft, place, data)
    if action == "add-question" and data.get("kind") in REGISTRY:
        taken = editor.library.question_ids()
        doc, position = add_question(draft.doc, REGISTRY[data["kind"]], taken)
        return _moved(editor, draft.with_doc(doc), Place(QUESTION, draft.key, position))
    path = parse_path(data.get("path", "")) or ()
    if action == "move-question" and len(path) == 2:
        doc, position = move_item(draft.doc, path, _by(data))
        return _moved(editor, draft.with_doc(doc), Place(QUESTION, draft.key, position))
    if action == "remove-question" and len(path) == 2 and isinstance(path[1], int):
        editor.confirming = ""
        doc = remove(draft.doc, path)
        left = len(get(doc, ("questions",)) or [])
        target = Place(QUESTION, draft.key, min(path[1], left)) if left else Place(QUIZ, draft.key)
        out = _moved(editor, draft.with_doc(doc), target)
        out.announce = editor.t("editor.question.removed", n=path[1])
        return out
    if action == "add-source":
        return _add_source(editor, draft, place, data.get("id", "").strip())
    if action in ("add-ref",) and path:
        return _changed(
            editor,
            draft.with_doc(add_ref(draft.doc, path, data.get("value", ""))),
            place,
            f"#{field_id(path)}-add",
        )
    if action in FORM_ACTIONS and place.edits:
        return _form_action(editor, draft, place, action, path, data)
    return EditorOutput()


def _new(editor: Editor) -> EditorOutput:
    draft = editor.work.new_quiz(editor.today)
    return open_draft(editor, draft, Place(QUIZ, draft.key))


def _by(data: dict[str, str]) -> int:
    return -1 if data.get("by") == "-1" else 1


def _form_action(
    editor: Editor, draft: Any, place: Place, action: str, path: KeyPath, data: dict[str, str]
) -> EditorOutput:
    doc = draft.doc
    focus = "#" + field_id(path) if path else "#section-heading"
    if action == "flag":
        doc = toggle(doc, path)
    elif action == "best":
        doc = choose_best(doc, path[:-1])
    elif action == "toggle-ref":
        value = data.get("value", "")
        doc = toggle_ref(doc, path, value, keep_empty=path == ("topics",))
        focus = f"#{field_id(path)}-{value}"
    elif action == "remove-ref":
        doc = remove_ref(doc, path, data.get("value", ""))
        focus = f"#{field_id(path)}-add"
    elif action == "add-item":
        doc = add_item(doc, path)
        focus = f"#{field_id((*path, len(get(doc, path) or [])))}-group"
    elif action == "remove-item":
        doc = remove(doc, path)
        focus = f"#{field_id(path[:-1])}-group"
    elif action == "move-item":
        doc, to = move_item(doc, path, _by(data))
        focus = f"#{field_id((*path[:-1], to))}-group"
    elif action == "add-band":
        doc = add_band(doc)
        focus = f"#f-bands-{len(get(doc, ('bands',)) or [])}-group"
    elif action == "remove-source":
        sources = draft.sources_doc or {}
        new = draft.with_sources(remove(sources, ("sources", data.get("value", ""))))
        return _changed(editor, new, place, "#new-source-id")
    elif action == "ask-remove":
        editor.confirming = data.get("path", "")
        out = editor.redraw(draft, place, form=True)
        out.focus = "#confirm"
        return out
    elif action == "cancel":
        editor.confirming = ""
        out = editor.redraw(draft, place, form=True)
        out.focus = "#section-heading"
        return out
    return _changed(editor, draft.with_doc(doc), place, focus)


def _changed(editor: Editor, new: Any, place: Place, focus: str) -> EditorOutput:
    out = editor.redraw(new, place, form=True)
    out.focus = focus
    return editor.store(new, out)


def _moved(editor: Editor, new: Any, target: Place) -> EditorOutput:
    editor.work.drafts[new.key] = new
    out = editor.show(href(target))
    out.go = href(target)
    return editor.store(new, out)


def _goto(editor: Editor, draft: Any, place: Place, data: dict[str, str]) -> EditorOutput:
    """From the list of problems to the field: its screen, and focus on it."""
    path = parse_path(data.get("path", "")) or ()
    file = SOURCES_FILE if data.get("file") == SOURCES_FILE else QUIZ_FILE
    if file == SOURCES_FILE:
        target = Place(SOURCES, draft.key)
    elif len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        target = Place(QUESTION, draft.key, path[1])
    else:
        target = Place(QUIZ, draft.key)
    out = editor.show(href(target))
    out.go = href(target)
    form = out.parts.get("editor-form") or out.page or ""
    out.focus = focus_for(path, form, file)
    return out


def _add_source(editor: Editor, draft: Any, place: Place, source_id: str) -> EditorOutput:
    t = editor.t
    known = {s.id for s in editor.library.content.sources}
    own = get(draft.sources_doc or {}, ("sources",)) or {}
    if not ID_PATTERN.match(source_id):
        editor.source_error = t("editor.sources.bad_id")
    elif source_id in known or source_id in own:
        editor.source_error = t("editor.sources.taken", id=source_id)
    else:
        editor.source_error = ""
        sources = new_source(draft.sources_doc or {}, source_id, editor.today)
        return _changed(
            editor, draft.with_sources(sources), place, f"#f-s-sources-{source_id}-title-nb"
        )
    out = editor.redraw(draft, place, form=True)
    out.focus = "#new-source-id"
    return out


def _discard(editor: Editor, action: str, key: str) -> EditorOutput:
    if action == "ask-discard" and key in editor.work.drafts:
        editor.confirming = key
        out = editor.show("#/", focus=None)
        out.focus = "#confirm"
        return out
    editor.confirming = ""
    out = EditorOutput()
    if action == "discard" and key in editor.work.drafts:
        del editor.work.drafts[key]
        out.writes[RECORD + key] = None
    shown = editor.show("#/")
    shown.writes = out.writes
    return shown


def open_draft(editor: Editor, draft: Any, place: Place) -> EditorOutput:
    editor.work.drafts[draft.key] = draft
    out = editor.show(href(place))
    out.go = out.rendered
    return editor.store(draft, out)
