"""A kommune's edition made in the editor: ``kommune.toml`` as a table, the coat of arms chosen
beside it, and which of the editor's drafts are the kommune's own quizzes. Kept on the device as
one record, as the drafts are, and checked by the build's own settings checker
(``content.kommune.check_settings``) on the TOML text the download would hold, with the chosen
files beside it: the same refusals, in the same words, as ``make build KOMMUNE=…``.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..base.errors import ContentError, KeyPath, Problem, Table
from ..base.model import Content, Quiz
from ..content.kommune import KEYS, Files, Settings, check_settings, check_show
from ..content.kommune.images import MAX_BYTES
from .check import check_draft
from .document import get, plain_toml, put
from .draft import Draft, read
from .library import Library

RECORD = "edition"
RECORD_VERSION = 1
SETTINGS_NAME = "kommune.toml"
EXTRA = "scenarios/"  # the folder of the kommune's own quizzes, beside kommune.toml
_ARMS_NAME = re.compile(r"^[\w.,() -]{1,120}$")
# The order the guide (docs/kommune.md) writes the sections and keys in.
SECTIONS = ("kommune", "theme", "gifts", "contacts", "links", "accessibility", "quizzes")
INTEGERS = (("gifts", "limit_nok"),)


@dataclass(frozen=True)
class EditionDraft:
    settings: Table = dataclasses.field(default_factory=dict)  # kommune.toml, but quizzes.extra
    arms_name: str = ""  # the coat of arms' file name as chosen ("" for none)
    arms: bytes = b""
    own: tuple[str, ...] = ()  # the keys of the drafts that are the kommune's own quizzes

    def with_value(self, path: KeyPath, raw: str) -> EditionDraft:
        """The edition after a value typed: an empty field leaves its key out, and a section
        left empty goes too (the checker refuses an empty ``[contacts.hets]``)."""
        value: Any = raw if raw.strip() else None
        if path in INTEGERS and re.fullmatch(r"-?\d{1,9}", raw.strip()):
            value = int(raw.strip())
        if path == ("kommune", "coat_of_arms"):
            return self
        return dataclasses.replace(self, settings=prune(put(self.settings, path, value)))

    def with_arms(self, name: str, data: bytes) -> EditionDraft:
        """The coat of arms chosen (or, with no name, taken away)."""
        settings = put(self.settings, ("kommune", "coat_of_arms"), name or None)
        return dataclasses.replace(self, settings=prune(settings), arms_name=name, arms=data)


def prune(value: Any) -> Any:
    """``value`` without the tables that hold nothing."""
    if not isinstance(value, dict):
        return value
    out = {k: prune(v) for k, v in value.items()}
    return {k: v for k, v in out.items() if v != {} and v is not None}


def own_quizzes(drafts: Mapping[str, Draft], library: Library) -> list[Draft]:
    """The drafts that can be the kommune's own quizzes: read as TOML, with an id none of the
    app's quizzes has (the build refuses an own quiz with one of ours)."""
    shipped = {q.id for q in library.content.quizzes}
    return [d for d in drafts.values() if d.doc is not None and d.quiz_id not in shipped]


def included(edition: EditionDraft, drafts: Mapping[str, Draft], library: Library) -> list[Draft]:
    keys = set(edition.own)
    return [d for d in own_quizzes(drafts, library) if d.key in keys]


def settings_table(edition: EditionDraft, own: list[Draft]) -> Table:
    """``kommune.toml`` as written: ``quizzes.extra`` names the own quizzes' folder."""
    table = dict(edition.settings)
    if own:
        table = put(table, ("quizzes", "extra"), EXTRA)
    return table


def settings_text(edition: EditionDraft, own: list[Draft]) -> str:
    """The file's text, sections in the guide's order, written by tomli-w."""
    table = settings_table(edition, own)
    ordered = {s: _in_order(s, table[s]) for s in SECTIONS if s in table}
    ordered.update({k: v for k, v in table.items() if k not in ordered})
    return plain_toml(ordered)


def _in_order(section: str, value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    keys = [k for k in _keys(section) if k in value] + [k for k in value if k not in _keys(section)]
    return {k: _in_order(f"{section}.{k}", value[k]) for k in keys}


def _keys(section: str) -> tuple[str, ...]:
    if section == "contacts":
        return tuple(k.removeprefix("contacts.") for k in KEYS if k.startswith("contacts."))
    return KEYS.get(section, ())


def own_files(own: list[Draft]) -> dict[str, str]:
    """The own quizzes' files, by their name in the settings' folder (``scenarios/…``)."""
    files: dict[str, str] = {}
    for draft in own:
        files[EXTRA + draft.name] = draft.text
        if draft.sources_text.strip():
            files[EXTRA + draft.sources_name] = draft.sources_text
        files.update({EXTRA + n: t for n, t in draft.catalogues.items()})
    return files


def folder_files(edition: EditionDraft, own: list[Draft]) -> dict[str, bytes]:
    """Every file of the settings' folder: what ``make build KOMMUNE=…/kommune.toml`` reads."""
    files = {SETTINGS_NAME: settings_text(edition, own).encode()}
    if edition.arms_name:
        files[edition.arms_name] = edition.arms
    files.update({n: t.encode() for n, t in own_files(own).items()})
    return files


@dataclass(frozen=True)
class EditionChecked:
    problems: tuple[Problem, ...]  # the checker's, in its words, each with its key path
    settings: Settings | None  # when there is none
    own_problems: dict[str, int]  # an own quiz's key -> how many problems it has


def check_edition(
    edition: EditionDraft, drafts: Mapping[str, Draft], lib: Library
) -> EditionChecked:
    """Check as the build does: the settings file first; then the own quizzes, with the
    settings' values for their placeholders; then ``show`` against every quiz the edition has."""
    own = included(edition, drafts, lib)
    nearby = Files(folder_files(edition, own), {EXTRA.rstrip("/")} if own else ())
    try:
        settings = check_settings(SETTINGS_NAME, settings_text(edition, own), nearby)
    except ContentError as error:
        return EditionChecked(tuple(error.problems), None, {})
    quizzes: list[Quiz] = []
    own_problems: dict[str, int] = {}
    for draft in own:
        checked = check_draft(draft, lib, settings.edition.values())
        own_problems[draft.key] = len(checked.problems)
        quizzes.extend(checked.content.quizzes if checked.content else ())
    content = lib.content
    try:
        check_show(settings, Content((*content.quizzes, *quizzes), content.topics, content.sources))
    except ContentError as error:
        return EditionChecked(tuple(error.problems), None, own_problems)
    return EditionChecked((), settings, own_problems)


def own_values(
    edition: EditionDraft, drafts: Mapping[str, Draft], lib: Library, key: str
) -> dict[str, str] | None:
    """The kommune's values for the placeholders of its own quiz ``key`` (as the build fills
    them in), or None when the draft is not the edition's or its settings do not pass."""
    if key not in edition.own:
        return None
    own = included(edition, drafts, lib)
    nearby = Files(folder_files(edition, own), {EXTRA.rstrip("/")} if own else ())
    try:
        settings = check_settings(SETTINGS_NAME, settings_text(edition, own), nearby)
    except ContentError:
        return None
    return settings.edition.values()


def shown_ids(edition: EditionDraft) -> list[str]:
    show = get(edition.settings, ("quizzes", "show"))
    return [i for i in show if isinstance(i, str)] if isinstance(show, list) else []


def edition_to_record(edition: EditionDraft) -> str:
    # A coat of arms the build would refuse for its size is not kept on the device (the
    # device's storage is small); its name stays, and the form asks for the file again.
    arms = edition.arms if len(edition.arms) <= MAX_BYTES else b""
    return json.dumps(
        {
            "v": RECORD_VERSION,
            "toml": plain_toml(edition.settings),
            "arms_name": edition.arms_name,
            "arms": base64.b64encode(arms).decode("ascii"),
            "own": list(edition.own),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def edition_from_record(raw: str) -> EditionDraft | None:
    """The stored edition, or None if the record is not one this version wrote."""
    try:
        data: Any = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("v") != RECORD_VERSION:
        return None
    toml, name, arms, own = (data.get(k) for k in ("toml", "arms_name", "arms", "own"))
    settings = read(toml) if isinstance(toml, str) and len(toml) < 200_000 else None
    if settings is None or not isinstance(name, str) or not isinstance(arms, str):
        return None
    if name and not _ARMS_NAME.match(name):
        return None
    if not isinstance(own, list) or not all(isinstance(k, str) for k in own):
        return None
    try:
        data_bytes = base64.b64decode(arms, validate=True)
    except (binascii.Error, ValueError):
        return None
    return EditionDraft(settings, name, data_bytes, tuple(own[:100]))


def arms_file(name: object, data: object) -> tuple[str, bytes] | None:
    """A coat of arms the shell sent (its name, its bytes as base64), or None."""
    if not isinstance(name, str) or not isinstance(data, str) or len(data) > 12_000_000:
        return None
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    if not _ARMS_NAME.match(last):
        return None
    try:
        return last, base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None
