"""The edition's part of the editor: its screens drawn, and what each message on them does (a
value typed, the colour picked, the coat of arms chosen, an own quiz ticked, the quizzes shown
and their order, a file to download). Every change is checked by the settings checker at once
and kept on the device."""

from __future__ import annotations

import base64
import dataclasses
import io
import zipfile
from typing import TYPE_CHECKING, Any

from .check import Placed
from .document import move, parse_path, put
from .edition import (
    RECORD,
    EditionChecked,
    EditionDraft,
    arms_file,
    check_edition,
    edition_to_record,
    folder_files,
    included,
    own_quizzes,
    prune,
    shown_ids,
)
from .edition_form import PICKER, PRIMARY, colour_picker, colour_text, contrast_text, edition_form
from .edition_screen import (
    ZIP_NAME,
    edition_head,
    files_screen,
    problem_count,
    problems_list,
    settings_screen,
    status_text,
)
from .effects import EditorOutput
from .problems import beside_fields, slots_in
from .routes import EDITION, EDITION_FILES, Place, href, parse_place
from .screens import frame

if TYPE_CHECKING:
    from .app import Editor

MAX_VALUE = 2_000
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def is_edition(address: str) -> bool:
    return parse_place(address).name in (EDITION, EDITION_FILES)


def checked(editor: Editor) -> EditionChecked:
    return check_edition(editor.edition, editor.work.drafts, editor.library)


def edition_page(editor: Editor, place: Place, focus: str | None) -> EditorOutput:
    """The edition's screen at ``place``, whole."""
    t, e, result = editor.t, editor.edition, checked(editor)
    head = edition_head(t, place, result)
    if place.name == EDITION:
        candidates = own_quizzes(editor.work.drafts, editor.library)
        form = edition_form(t, e, editor.library, candidates, result.own_problems)
        body = settings_screen(t, head, form, result)
    else:
        own = included(e, editor.work.drafts, editor.library)
        names = [n for n in folder_files(e, own) if n != e.arms_name]
        body = files_screen(t, head, result, names, site=True)
    editor.drawn = place
    page = str(frame(t, body))
    return EditorOutput(
        page=page,
        title=f"{t('editor.edition.heading')} · {t('editor.name')}",
        lang=editor.lang,
        rendered=href(place),
        notices=editor.notices_html(),
        focus="#main h1" if focus else None,
        problems=_beside(result, page),
    )


def _beside(result: EditionChecked, form: str) -> dict[str, str]:
    placed = [Placed(p, "quiz", parse_path(p.path) or ()) for p in result.problems]
    return beside_fields(placed, slots_in(form))


def handle_edition(
    editor: Editor, kind: str, address: str, message: dict[str, Any]
) -> EditorOutput:
    """A message sent from one of the edition's screens."""
    place = parse_place(address)
    if kind == "edit":
        return _edit(editor, place, message)
    if kind == "arms":
        chosen = arms_file(message.get("name"), message.get("data"))
        if chosen is None:
            return EditorOutput()
        return _changed(editor, place, editor.edition.with_arms(*chosen), "#f-kommune-coat_of_arms")
    data = message.get("data") if kind == "click" else message.get("form")
    values = (
        {str(k): str(v)[:MAX_VALUE] for k, v in (data or {}).items()}
        if isinstance(data, dict)
        else {}
    )
    return _click(editor, place, str(message.get("action", "")), values)


def _edit(editor: Editor, place: Place, message: dict[str, Any]) -> EditorOutput:
    path = parse_path(str(message.get("path", "")))
    value = message.get("value")
    if place.name != EDITION or not path or not isinstance(value, str) or len(value) > MAX_VALUE:
        return EditorOutput()
    editor.edition = editor.edition.with_value(path, value)
    result = checked(editor)
    t = editor.t
    out = EditorOutput(
        parts={
            "edition-status": status_text(t, result),
            "edition-problems": str(problems_list(t, result)),
        },
        writes={RECORD: edition_to_record(editor.edition)},
    )
    if path == PRIMARY:
        out.parts["edition-contrast"] = contrast_text(t, editor.edition)
        if message.get("file") == PICKER:
            out.parts["colour-text"] = str(colour_text(t, editor.edition))
        else:
            out.parts["colour-picker"] = str(colour_picker(t, editor.edition))
    out.problems = _beside(result, _slots_markup(editor))
    return out


def _slots_markup(editor: Editor) -> str:
    """The slots of the form drawn (the form as it would be drawn now)."""
    candidates = own_quizzes(editor.work.drafts, editor.library)
    return str(edition_form(editor.t, editor.edition, editor.library, candidates, {}))


def _changed(editor: Editor, place: Place, edition: EditionDraft, focus: str) -> EditorOutput:
    editor.edition = edition
    out = edition_page(editor, place, None)
    out.writes[RECORD] = edition_to_record(edition)
    out.focus = focus
    return out


def _click(editor: Editor, place: Place, action: str, data: dict[str, str]) -> EditorOutput:
    e = editor.edition
    show = ("quizzes", "show")
    if action == "edition-arms-remove":
        return _changed(editor, place, e.with_arms("", b""), "#f-kommune-coat_of_arms")
    if action == "edition-own":
        key = data.get("draft", "")
        if key not in editor.work.drafts:
            return EditorOutput()
        if key in e.own:
            gone = editor.work.drafts[key].quiz_id
            ids = [i for i in shown_ids(e) if i != gone]
            settings = put(e.settings, show, ids or None)
            e = dataclasses.replace(e, own=tuple(k for k in e.own if k != key), settings=settings)
        else:
            e = dataclasses.replace(e, own=(*e.own, key))
        return _changed(editor, place, _pruned(e), f"#own-{key}")
    if action == "edition-show-add" and data.get("value"):
        ids = [*shown_ids(e), data["value"]]
        return _changed(editor, place, _with_show(e, ids), "#show-add")
    n = int(data["n"]) if data.get("n", "").isdigit() else 0
    if action == "edition-show-remove" and 1 <= n <= len(shown_ids(e)):
        ids = [i for k, i in enumerate(shown_ids(e), start=1) if k != n]
        out = _changed(editor, place, _with_show(e, ids), "#show-add")
        out.announce = editor.t("editor.edition.show_removed")
        return out
    if action == "edition-move" and data.get("by") in ("-1", "1"):
        moved, to = move({"show": shown_ids(e)}, ("show", n), int(data["by"]))
        out = _changed(editor, place, _with_show(e, moved["show"]), "#f-quizzes-show-group")
        out.announce = editor.t("editor.edition.show_moved", n=to)
        return out
    if action == "edition-download":
        return _download(editor, data.get("name", ""))
    if action == "edition-site":
        if problem_count(checked(editor)):
            return EditorOutput(announce=editor.t("editor.edition.site_problems"))
        return EditorOutput(build=True, announce=editor.t("editor.edition.site_building"))
    if action == "edition-zip":
        own = included(e, editor.work.drafts, editor.library)
        return EditorOutput(download=_zip(folder_files(e, own)))
    return EditorOutput()


def _with_show(e: EditionDraft, ids: list[str]) -> EditionDraft:
    return _pruned(
        dataclasses.replace(e, settings=put(e.settings, ("quizzes", "show"), ids or None))
    )


def _pruned(e: EditionDraft) -> EditionDraft:
    return dataclasses.replace(e, settings=prune(e.settings))


def _download(editor: Editor, name: str) -> EditorOutput:
    own = included(editor.edition, editor.work.drafts, editor.library)
    files = folder_files(editor.edition, own)
    if name not in files:
        return EditorOutput()
    kind = "application/toml" if name.endswith(".toml") else "application/octet-stream"
    return EditorOutput(
        download={"name": name.rsplit("/", 1)[-1], "text": files[name].decode(), "type": kind}
    )


def _zip(files: dict[str, bytes]) -> dict[str, str]:
    """The settings' folder as a zip: unzipped, ``make build KOMMUNE=kommune/kommune.toml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in sorted(files.items()):
            zf.writestr(zipfile.ZipInfo(f"kommune/{name}", ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return {"name": ZIP_NAME, "base64": encoded, "type": "application/zip"}
