"""Read and check a kommune's settings file (kommune.toml) into an ``Edition``.

Checked like content: every problem collected, each with the file, the key path and the line
(``quiz_engine.base.errors.Problem``), in words the kommune's IT or editor can act on. The same
checks run on a file on disk (``read_settings``, the build) and on text in the browser
(``check_settings`` with the files chosen beside it, the editor's edition form).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...base.edition import Edition
from ...base.errors import ContentError, Table
from ...base.model import Content
from ..loader import parse_toml, read_toml
from ..reader import Reader
from .fields import (
    accessibility,
    coat_of_arms,
    contacts,
    extra,
    language,
    links,
    primary,
    section,
    short_name,
    show,
)
from .nearby import Folder, Nearby

ARMS_NAME = "kommunevapen"  # the coat of arms' name in the built site (+ .svg or .png)


@dataclass(frozen=True)
class Settings:
    """A checked settings file: the edition, and what the build still needs from it."""

    edition: Edition
    coat_of_arms: bytes | None  # the image to write into the site as ``edition.coat_of_arms``
    show: tuple[str, ...]  # quiz ids, in order; () shows every quiz
    extra: str | None  # the kommune's own quiz folder, relative to the settings file
    reader: Reader  # for problems found later (a quiz id in ``show`` that does not exist)


def read_settings(path: Path) -> Settings:
    """Read ``path``; raise ``ContentError`` listing every problem."""
    return _checked(*read_toml(path), Folder(path.parent))


def check_settings(name: str, source: str, nearby: Nearby) -> Settings:
    """Check the settings' TOML text ``source`` (shown in problems as ``name``), with the files
    beside it in ``nearby`` (``nearby.Files``); raise ``ContentError`` listing every problem."""
    return _checked(*parse_toml(name, source), nearby)


def _checked(reader: Reader, data: Table | None, nearby: Nearby) -> Settings:
    settings = _parse(reader, data, nearby) if data is not None else None
    if reader.problems or settings is None:
        raise ContentError(sorted(reader.problems, key=lambda p: p.line or 0))
    return settings


def check_show(settings: Settings, content: Content) -> Content:
    """The content with only the quizzes ``show`` names, in its order."""
    if not settings.show:
        return content
    known = {quiz.id: quiz for quiz in content.quizzes}
    for n, quiz_id in enumerate(settings.show, start=1):
        if quiz_id not in known:
            settings.reader.problem(
                ("quizzes", "show", n),
                f'there is no quiz with the id "{quiz_id}". '
                f"The ids are: {', '.join(sorted(known))}.",
            )
    if settings.reader.problems:
        raise ContentError(settings.reader.problems)
    quizzes = tuple(known[quiz_id] for quiz_id in settings.show)
    return Content(quizzes, content.topics, content.sources)


def _parse(reader: Reader, data: Table, nearby: Nearby) -> Settings | None:
    reader.known_keys(
        data, (), ("kommune", "theme", "gifts", "contacts", "links", "quizzes", "accessibility")
    )
    if "kommune" not in data:
        reader.problem(("kommune",), 'the [kommune] section is missing. Add it with name = "…".')
        return None
    kommune = section(reader, data, ("kommune",))
    name = reader.string(
        kommune, ("kommune",), "name", 'the kommune\'s name, like "Fjellvik kommune"'
    )
    short = short_name(reader, kommune)
    lang = language(reader, kommune)
    arms = coat_of_arms(reader, kommune, nearby)
    colour = primary(reader, section(reader, data, ("theme",)))
    gifts = section(reader, data, ("gifts",))
    has_limit = "limit_nok" in gifts
    limit = reader.integer(gifts, ("gifts",), "limit_nok", 1, 100_000) if has_limit else None
    people = contacts(reader, data)
    addresses = links(reader, section(reader, data, ("links",)))
    quizzes = section(reader, data, ("quizzes",))
    shown_ids = show(reader, quizzes)
    extra_folder = extra(reader, quizzes, nearby)
    statement = accessibility(reader, section(reader, data, ("accessibility",)), name or "")
    edition = Edition(
        name=name or "",
        short_name=short,
        default_lang=lang,
        primary=colour,
        coat_of_arms=f"{ARMS_NAME}{arms[0][-4:].lower()}" if arms else "",
        gift_limit=limit,
        contacts=people,
        links=addresses,
        accessibility=statement,
    )
    return Settings(edition, arms[1] if arms else None, shown_ids, extra_folder, reader)
