"""The editor's addresses: every screen has its own, so back, links and reload all work.

``#/`` opens a quiz (and lists the drafts on this device); ``#/utkast/KEY`` edits a draft's quiz
as a whole, ``#/utkast/KEY/sporsmal/3`` its third question, ``#/utkast/KEY/kilder`` the new
sources it adds, ``#/utkast/KEY/tekst`` its file as text, ``#/utkast/KEY/lagre`` saves it.
``#/utgave`` is the kommune's edition (its settings), ``#/utgave/filer`` its files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EDITION, EDITION_FILES = "edition", "edition_files"
START, QUIZ, QUESTION, SOURCES, TEXT, SAVE, NOT_FOUND = (
    "start",
    "quiz",
    "question",
    "sources",
    "text",
    "save",
    "not_found",
)
KEY = r"[a-z0-9][a-z0-9-]{0,80}"
_DRAFT = re.compile(rf"^/utkast/({KEY})(?:/(sporsmal/\d{{1,4}}|kilder|tekst|lagre))?/?$")
_PARTS = {"kilder": SOURCES, "tekst": TEXT, "lagre": SAVE}
_NAMES = {SOURCES: "kilder", TEXT: "tekst", SAVE: "lagre"}
_EDITION = {"/utgave": EDITION, "/utgave/filer": EDITION_FILES}


@dataclass(frozen=True)
class Place:
    name: str
    draft: str = ""
    position: int = 0  # the question, counting from 1

    @property
    def edits(self) -> bool:
        """A screen of the draft's forms (the quiz, a question, its sources)."""
        return self.name in (QUIZ, QUESTION, SOURCES)


def parse_place(fragment: str) -> Place:
    """``parse_place("#/utkast/gaver/sporsmal/2") == Place("question", "gaver", 2)``."""
    path = fragment.lstrip("#")
    if path in ("", "/"):
        return Place(START)
    if path.rstrip("/") in _EDITION:
        return Place(_EDITION[path.rstrip("/")])
    match = _DRAFT.match(path)
    if match is None:
        return Place(NOT_FOUND)
    key, part = match.groups()
    if part is None:
        return Place(QUIZ, key)
    if part.startswith("sporsmal/"):
        position = int(part.removeprefix("sporsmal/"))
        return Place(QUESTION, key, position) if position >= 1 else Place(NOT_FOUND)
    return Place(_PARTS[part], key)


def href(place: Place) -> str:
    if place.name == QUIZ:
        return f"#/utkast/{place.draft}"
    if place.name == QUESTION:
        return f"#/utkast/{place.draft}/sporsmal/{place.position}"
    if place.name in (EDITION, EDITION_FILES):
        return "#" + {v: k for k, v in _EDITION.items()}[place.name]
    if place.name in _NAMES:
        return f"#/utkast/{place.draft}/{_NAMES[place.name]}"
    return "#/"
