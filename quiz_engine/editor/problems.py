"""The list of every problem in a draft, in the checker's words, each with where it is (in
words, and as a link to the field) and its line; and the place beside a field for each."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..base.errors import KeyPath
from ..base.markup import Markup, attrs, html, join
from ..base.strings import Catalogue
from ..content.locate import format_path
from .check import Checked, Placed
from .fields import QUIZ_FILE, SOURCES_FILE, field_id, slot_id
from .routes import QUESTION, QUIZ, SOURCES, Place, href

_ITEMS = {
    "questions": "editor.item.question",
    "options": "editor.item.option",
    "key_points": "editor.item.key_point",
    "bands": "editor.item.band",
}
SEPARATOR = " \u203a "  # a small arrow between the steps of a place
_WORDS = """id kind order topics sources valid_as_of pass_mark shuffle confidence title summary
intro bands questions prompt explanation options lights key_points scored next text correct
credit feedback consequence from to nb nn url"""
KEYS = frozenset(_WORDS.split())


def where(t: Catalogue, path: KeyPath, file: str = QUIZ_FILE) -> str:
    """``questions[3].options[2].feedback.nn`` -> "Spørsmål 3, Alternativ 2, Tilbakemelding,
    Nynorsk" (joined by ``SEPARATOR``); a key the editor has no word for is shown as written."""
    words: list[str] = []
    parts = list(path)
    if file == SOURCES_FILE and len(parts) >= 2 and parts[0] == "sources":
        words.append(t("editor.item.source", id=str(parts[1])))
        parts = parts[2:]
    n = 0
    while n < len(parts):
        part = parts[n]
        following = parts[n + 1] if n + 1 < len(parts) else None
        if isinstance(part, str) and part in _ITEMS and isinstance(following, int):
            words.append(t(_ITEMS[part], n=following))
            n += 2
            continue
        if part in ("red", "yellow", "green") and n and parts[n - 1] == "lights":
            words.append(t(f"light.{part}"))
        elif part == "lights" and following is not None:
            pass
        elif isinstance(part, str) and part in KEYS:
            words.append(t(f"editor.key.{part}"))
        else:
            words.append(str(part))
        n += 1
    return SEPARATOR.join(words) or t("editor.key.file")


def screen_of(draft: str, placed: Placed) -> Place:
    if placed.question:
        return Place(QUESTION, draft, placed.question)
    return Place(SOURCES if placed.file == SOURCES_FILE else QUIZ, draft)


def count_text(t: Catalogue, n: int) -> str:
    return t("editor.problems.one") if n == 1 else t("editor.problems.many", n=n)


def problems_panel(t: Catalogue, draft: str, checked: Checked) -> Markup:
    problems = checked.problems
    heading = t("editor.problems.heading", count=count_text(t, len(problems)))
    if not problems:
        return html(
            '<h2 id="problems-heading">{}</h2><p class="all-well" role="status">{}</p>',
            t("editor.problems.none_heading"),
            t("editor.problems.none"),
        )
    items = join(_item(t, draft, p) for p in problems)
    return html(
        '<h2 id="problems-heading">{heading}</h2><p class="hint">{about}</p>'
        '<ol class="problem-list">{items}</ol>',
        heading=heading,
        about=t("editor.problems.about"),
        items=items,
    )


def _item(t: Catalogue, draft: str, placed: Placed) -> Markup:
    problem = placed.problem
    path = placed.path or ()
    file = placed.file if placed.file != "other" else ""
    place = where(t, path, placed.file) if path else t("editor.key.file")
    line = (
        html('<span class="line">{}</span>', t("editor.line", n=problem.line))
        if problem.line
        else ""
    )
    own_file = "" if placed.file == "quiz" else html('<span class="file">{}</span> ', problem.file)
    link = html(
        '<a href="{}"{}>{}</a>',
        href(screen_of(draft, placed)),
        attrs(data_action="goto", data_path=format_path(path), data_file=file or None),
        place,
    )
    return html(
        '<li class="problem">{}{} {}<p class="problem-text" lang="en">{}</p></li>',
        own_file,
        link,
        line,
        problem.message,
    )


def slots_in(form: str) -> set[str]:
    return set(re.findall(r'id="(problem-[^"]+)"', form))


def beside_fields(problems: Iterable[Placed], slots: set[str]) -> dict[str, str]:
    """Each problem at the slot of its path, or of the nearest enclosing field drawn; every
    slot drawn is named (empty when all is well there), so old messages are cleared."""
    out = dict.fromkeys(slots, "")
    for placed in problems:
        file = SOURCES_FILE if placed.file == SOURCES_FILE else QUIZ_FILE
        path = placed.path or ()
        for size in range(len(path), 0, -1):
            slot = slot_id(path[:size], file)
            if slot in out:
                out[slot] = "\n".join(filter(None, [out[slot], placed.problem.message]))
                break
    return out


def focus_for(path: KeyPath, form: str, file: str = QUIZ_FILE) -> str:
    """The control (or group) nearest ``path`` in the form drawn, as a selector."""
    for size in range(len(path), 0, -1):
        for suffix in ("", "-group"):
            target = field_id(path[:size], file) + suffix
            if f'id="{target}"' in form:
                return f"#{target}"
    return "#section-heading"
