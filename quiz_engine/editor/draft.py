"""A draft: one quiz file being edited, kept on the device as it is typed.

``text`` is the file exactly as it would be saved: as opened (comments and all) until the forms
change something, then as the editor writes it (``document.to_toml``), or as typed on the text
screen. ``doc`` is that text read as TOML, or None when it cannot be. A quiz that cites new
sources keeps them in a file of its own beside it (``sources-<name>.toml``, or
``sources-<name>-nye.toml`` where the app already has a file of the first name), as the checker
reads every ``sources*.toml`` file.

A stored draft is read back through ``draft_from_record``, which takes nothing on trust: what
it cannot read is set aside by the caller, never dropped.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..base.errors import Table
from .document import to_toml

RECORD = "draft:"  # + the draft's key
RECORD_VERSION = 1
MAX_TEXT = 2_000_000  # characters in one file: the largest quiz we ship has 72,000
MAX_FILES = 20
ORIGINS = ("shipped", "file", "new")
_NAME = re.compile(r"^[\w.,() -]{1,120}\.toml$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


@dataclass(frozen=True)
class Draft:
    key: str  # its place in the addresses and on the device
    name: str  # the quiz file's name, like "gaver.toml"
    origin: str  # "shipped" (one of the app's quizzes), "file" (from the computer), "new"
    text: str
    doc: Table | None
    sources_text: str = ""  # the quiz's own sources file, "" when it adds none
    catalogues: dict[str, str] = field(default_factory=dict)  # other sources files opened with it
    edited: bool = False  # changed since it was opened
    comments: bool = False  # the file as opened has comments, which rewriting it drops
    sources_name: str = ""  # the name of its own sources file

    @property
    def sources_doc(self) -> Table | None:
        return read(self.sources_text) if self.sources_text.strip() else {}

    @property
    def quiz_id(self) -> str:
        value = self.doc.get("id") if self.doc is not None else None
        return value if isinstance(value, str) else ""

    def with_doc(self, doc: Table) -> Draft:
        """The draft after a change in the forms: the file written anew (unless nothing
        changed: then the file stays as it is, comments and all)."""
        if doc == self.doc:
            return self
        return dataclasses.replace(self, doc=doc, text=to_toml(doc), edited=True)

    def with_text(self, text: str) -> Draft:
        """The draft after typing on the text screen: the text as typed, read if it can be."""
        return dataclasses.replace(self, text=text, doc=read(text), edited=True)

    def with_sources(self, sources: Table) -> Draft:
        text = to_toml(sources, "sources_file") if sources.get("sources") else ""
        return dataclasses.replace(self, sources_text=text, edited=True)


def read(text: str) -> Table | None:
    """The text as TOML, or None if it is not TOML (the checker says where and why)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def has_comments(text: str) -> bool:
    """Whether a line of the file is (or ends in) a comment; a # inside a text may fool it
    into yes, which only adds a note."""
    return any(line.lstrip().startswith("#") or " #" in line for line in text.splitlines())


def own_sources_name(name: str, taken: Collection[str]) -> str:
    """The quiz's own sources file: named after it, never after a file the app ships (saved
    beside the app's files, it would take that one's place)."""
    stem = name.removesuffix(".toml")
    return (
        f"sources-{stem}.toml"
        if f"sources-{stem}.toml" not in taken
        else f"sources-{stem}-nye.toml"
    )


def new_draft(
    key: str,
    name: str,
    origin: str,
    text: str,
    catalogues: dict[str, str],
    shipped: Collection[str],
) -> Draft:
    """A draft of a file as opened; a sources file opened with it that has the name of its own
    sources file is that file (else it is kept as it is, to check against)."""
    own = catalogues_own(name, catalogues, shipped)
    return Draft(
        key,
        name,
        origin,
        text,
        read(text),
        sources_text=catalogues.get(own, ""),
        catalogues={n: t for n, t in catalogues.items() if n != own},
        comments=has_comments(text),
        sources_name=own,
    )


def catalogues_own(name: str, catalogues: dict[str, str], shipped: Collection[str]) -> str:
    stem = name.removesuffix(".toml")
    opened = [n for n in (f"sources-{stem}.toml", f"sources-{stem}-nye.toml") if n in catalogues]
    return opened[0] if opened else own_sources_name(name, shipped)


def free_key(stem: str, taken: set[str]) -> str:
    """A key for a new draft from a file's name: small letters, digits and dashes, unused."""
    base = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60] or "utkast"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def draft_to_record(draft: Draft) -> str:
    return json.dumps(
        {
            "v": RECORD_VERSION,
            "name": draft.name,
            "origin": draft.origin,
            "text": draft.text,
            "sources": draft.sources_text,
            "catalogues": draft.catalogues,
            "edited": draft.edited,
            "comments": draft.comments,
            "own": draft.sources_name,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def draft_from_record(key: str, raw: str) -> Draft | None:
    """A stored draft, or None if the record is not one this version wrote (damaged, too
    large, of another version)."""
    if not _KEY.match(key) or len(raw) > 3 * MAX_TEXT:
        return None
    try:
        data: Any = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("v") != RECORD_VERSION:
        return None
    name, origin, text = data.get("name"), data.get("origin"), data.get("text")
    own = data.get("own")
    sources, catalogues = data.get("sources", ""), data.get("catalogues", {})
    if not (isinstance(name, str) and _NAME.match(name) and origin in ORIGINS):
        return None
    if not (isinstance(own, str) and _NAME.match(own) and own.startswith("sources")):
        return None
    if not (isinstance(text, str) and _is_text(text) and isinstance(sources, str)):
        return None
    if not (_is_text(sources) and isinstance(catalogues, dict)):
        return None
    if len(catalogues) > MAX_FILES or not all(
        isinstance(n, str) and _NAME.match(n) and _is_text(t) for n, t in catalogues.items()
    ):
        return None
    return Draft(
        key,
        name,
        str(origin),
        text,
        read(text),
        sources_text=sources,
        catalogues=dict(catalogues),
        edited=data.get("edited") is True,
        comments=data.get("comments") is True,
        sources_name=own,
    )


def _is_text(value: object) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def file_name(name: object) -> str | None:
    """A file name the editor keeps: its last part, if it names a .toml file."""
    if not isinstance(name, str):
        return None
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    return last if _NAME.match(last) else None
