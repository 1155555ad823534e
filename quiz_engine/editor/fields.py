"""The form's fields: each one a labelled control bound to a key path of the file, with a place
beside it where the checker's problem for that path is shown.

A control carries ``data-path`` (the key path, as the checker writes it) and, for the quiz's own
sources file, ``data-file="sources"``; the shell sends what is typed there as an ``edit`` and
fills each ``.field-problem`` it is told to. Ids come from the path (``field_id``), so a problem
finds its field and focus can come back to the same control after a redraw.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from ..base.errors import KeyPath
from ..base.markup import Markup, attrs, html, join
from ..base.names import LANGUAGES
from ..base.strings import Catalogue
from ..content.locate import format_path

QUIZ_FILE, SOURCES_FILE = "quiz", "sources"


def field_id(path: KeyPath, file: str = QUIZ_FILE) -> str:
    """``("questions", 3, "prompt", "nn")`` -> ``f-questions-3-prompt-nn``."""
    parts = [re.sub(r"[^a-z0-9-]", "_", str(p)) for p in path]
    return "-".join(["f", *(["s"] if file == SOURCES_FILE else []), *parts])


def slot_id(path: KeyPath, file: str = QUIZ_FILE) -> str:
    """Where the problem for ``path`` is shown."""
    return "problem-" + field_id(path, file).removeprefix("f-")


def problem_slot(path: KeyPath, file: str = QUIZ_FILE) -> Markup:
    return html('<p class="field-problem" id="{}" lang="en" hidden></p>', slot_id(path, file))


def _control(path: KeyPath, file: str, **more: object) -> Markup:
    values: dict[str, object] = {
        "id": field_id(path, file),
        "data_path": format_path(path),
        "data_file": file if file != QUIZ_FILE else None,
        "aria_describedby": slot_id(path, file),
    }
    return attrs(**{**values, **more})


def _label(text: str, context: str) -> Markup:
    """A visible label, with the field's context for screen readers (``Alternativ 2: ``)."""
    if not context:
        return html("{}", text)
    return html('<span class="visually-hidden">{}: </span>{}', context, text)


def text_pair(
    t: Catalogue,
    path: KeyPath,
    legend: str,
    value: Any,
    *,
    long: bool = False,
    required: bool = False,
    hint: str = "",
    file: str = QUIZ_FILE,
) -> Markup:
    """A text in bokmål and nynorsk, side by side, each with its own problem."""
    texts = value if isinstance(value, dict) else {}
    boxes = []
    for lang in LANGUAGES:
        text = texts.get(lang)
        shown = text if isinstance(text, str) else ""
        # Where the browser cannot size a text area to its text (field-sizing), a guess.
        rows = min(16, max(5 if long else 3, shown.count("\n") + len(shown) // 30 + 1))
        boxes.append(
            html(
                '<div class="lang-field"><label for="{id}">{label}</label>'
                "<textarea{attrs}>{text}</textarea>{problem}</div>",
                id=field_id((*path, lang), file),
                label=_label(t(f"editor.lang.{lang}"), legend),
                attrs=_control((*path, lang), file, lang=lang, rows=rows, spellcheck="true"),
                text=shown,
                problem=problem_slot((*path, lang), file),
            )
        )
    return html(
        '<fieldset class="text-pair" id="{id}"><legend>{legend}{required}</legend>{hint}'
        '{problem}<div class="pair">{boxes}</div></fieldset>',
        id=field_id(path, file) + "-group",
        legend=legend,
        required=html(' <span class="required">{}</span>', t("editor.required"))
        if required
        else "",
        hint=html('<p class="hint">{}</p>', hint) if hint else "",
        problem=problem_slot(path, file),
        boxes=join(boxes),
    )


def line(
    t: Catalogue,
    path: KeyPath,
    label: str,
    value: Any,
    *,
    kind: str = "text",
    hint: str = "",
    context: str = "",
    file: str = QUIZ_FILE,
    **more: object,
) -> Markup:
    """One value on one line: a text, a whole number, a date."""
    shown = "" if value is None or isinstance(value, (dict, list)) else _shown(value)
    if kind == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", shown):
        kind = "text"  # a value the date control cannot hold stays visible as text
    hint_id = field_id(path, file) + "-hint"
    return html(
        '<div class="field"><label for="{id}">{label}</label>{hint}<input{attrs}>{problem}</div>',
        id=field_id(path, file),
        label=_label(label, context),
        hint=html('<p class="hint" id="{}">{}</p>', hint_id, hint) if hint else "",
        attrs=_control(
            path,
            file,
            type=kind,
            value=shown,
            aria_describedby=" ".join([slot_id(path, file), *([hint_id] if hint else [])]),
            **more,
        ),
        problem=problem_slot(path, file),
    )


def choice(
    path: KeyPath,
    label: str,
    value: Any,
    options: Iterable[tuple[str, str]],
    *,
    context: str = "",
    file: str = QUIZ_FILE,
) -> Markup:
    """A select; a value the file has that is not among the choices is kept as one."""
    shown = _shown(value) if value is not None else ""
    listed = list(options)
    if shown not in [v for v, _ in listed]:
        listed.append((shown, shown))
    return html(
        '<div class="field"><label for="{id}">{label}</label><select{attrs}>{options}</select>'
        "{problem}</div>",
        id=field_id(path, file),
        label=_label(label, context),
        attrs=_control(path, file),
        options=join(
            html("<option{}>{}</option>", attrs(value=v, selected=v == shown), text)
            for v, text in listed
        ),
        problem=problem_slot(path, file),
    )


def flag(
    path: KeyPath,
    label: str,
    checked: bool,
    *,
    action: str = "flag",
    kind: str = "checkbox",
    name: str = "",
    context: str = "",
    file: str = QUIZ_FILE,
) -> Markup:
    """A checkbox (or one radio button of a group) that the engine toggles when it is clicked."""
    return html(
        '<div class="field check"><label class="check-label"><input{attrs}> {label}</label>'
        "{problem}</div>",
        attrs=_control(
            path,
            file,
            type=kind,
            name=name or None,
            checked=checked,
            data_action=action,
        ),
        label=_label(label, context),
        problem=problem_slot(path, file),
    )


def button(
    label: str, action: str, *, cls: str = "secondary", context: str = "", **data: object
) -> Markup:
    """A button the engine answers; ``context`` names what it acts on for screen readers
    ("Fjern: Alternativ 2"), the visible label first, as WCAG's label in name asks."""
    return html(
        '<button type="button" class="button {}"{}>{}</button>',
        cls,
        attrs(
            data_action=action,
            aria_label=f"{label}: {context}" if context else None,
            **{f"data_{k}": v for k, v in data.items()},
        ),
        label,
    )


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else f"{value:.1f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
