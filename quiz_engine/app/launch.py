"""Which app a page gets, composed of its parts: the rule the worker follows at start-up.

Standalone (a link, the intranet, an installed app): the quizzes and the seminar. Launched by an
LMS for a quiz this package has: the quizzes and the LMS bridge for that quiz (an LMS launch for
a quiz the package lacks runs the plain app instead of failing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..base.bundle import content_from_json
from ..base.edition import NEUTRAL, Edition, edition_from_json
from ..base.model import Content
from ..base.names import LMS_OFF_NOTICE, STORAGE_FULL_NOTICE, STORAGE_NOTICE
from ..base.strings import Catalogue
from .app import App
from .lms.learner import claim, learner_hash
from .lms.part import LmsPart
from .page import Page
from .quiz import QuizPart
from .records import LANG, LAST, RECORD_NOTICE, read_saved
from .seminar.desk import Desk


def compose(
    content: Content,
    catalogues: dict[str, Catalogue],
    records: dict[str, str],
    persistent: bool = True,
    now: int = 0,
    edition: Edition = NEUTRAL,
    lms_quiz: str = "",
    suspend_data: str = "",
    learner: str = "",
    entry: str = "",
    lms_failed: bool = False,
    framed: bool = False,
    storage_full: bool = False,
) -> App:
    """The app for one page, from the device's saved ``records``; ``lms_quiz``,
    ``suspend_data``, ``learner`` and ``entry`` are what an LMS launch says (the quiz it
    launched, its saved progress, ``cmi.core.student_id`` and ``cmi.core.entry``);
    ``lms_failed``: launched by an LMS that could not be reached (nothing will be recorded);
    ``framed``: in another page's frame; ``storage_full``: the device's storage is full (what
    is there was read, nothing new can be kept)."""
    page = Page(content, catalogues, records.get(LANG), edition, persistent)
    page.now = now
    page.framed = framed
    if storage_full:
        page.notices = [n for n in page.notices if n[0] != STORAGE_NOTICE]
        page.notice(STORAGE_FULL_NOTICE)
    launched = content.quiz(lms_quiz)
    claimed: dict[str, str | None] = {}
    if launched is not None:
        # Only this learner's device copy is read (learner.py): the rest is set aside first.
        claimed = claim(
            launched.id, records, learner_hash(learner), entry, suspend_data, now
        ).writes
        records = {k: v for k, v in {**records, **claimed}.items() if v is not None}
    saved = read_saved(content, records, now)
    for quiz_id in saved.set_aside:
        quiz = content.quiz(quiz_id)
        title = quiz.title.get(page.lang) if quiz else quiz_id
        page.notices.append(("shell.progress_reset", {"quiz": title}))
    if saved.damaged:
        page.notice(RECORD_NOTICE)
    writes = {**claimed, **saved.writes}
    quiz_part = QuizPart(page, saved, records.get(LAST, ""))
    if lms_failed:
        page.notice(LMS_OFF_NOTICE)
    if launched is not None:
        page.in_lms = True
        lms = LmsPart(launched, quiz_part, suspend_data, now)
        writes.update(lms.startup_writes)
        app = App(page, quiz_part, records, writes, lms=lms)
    else:
        app = App(page, quiz_part, records, writes, seminar=Desk(page, records, writes, now))
    return app


@dataclass(frozen=True)
class Prepared:
    """What the build wrote, read once: the worker's start-up snapshot holds it, so a warm
    start parses none of it again."""

    content: Content
    catalogues: dict[str, Catalogue]
    edition: Edition


def prepare(bundle: str, strings: str, edition: str | None) -> Prepared:
    """The content bundle, the UI strings and a kommune's edition (or ``None``), parsed."""
    return Prepared(
        content_from_json(bundle),
        {lang: Catalogue(lang, entries) for lang, entries in json.loads(strings).items()},
        edition_from_json(edition) if edition is not None else NEUTRAL,
    )


def launch_prepared(
    prepared: Prepared, records: str, persistent: bool, now: int, env: str = "{}"
) -> App:
    """The app the worker runs, from ``prepare``'s result and what the page sends as JSON (the
    saved records; ``env``: ``{"today": …, "lms": quiz id, "suspend": the LMS's saved progress,
    "learner": cmi.core.student_id, "entry": cmi.core.entry}``, or ``{"lms_failed": true}``
    when the LMS launched the page but could not be reached; ``"framed": true`` in another
    page's frame; ``"storage": "full"`` when nothing more can be stored)."""
    where: dict[str, Any] = json.loads(env)
    app = compose(
        prepared.content,
        prepared.catalogues,
        json.loads(records),
        bool(persistent),
        int(now),
        prepared.edition,
        str(where.get("lms", "")),
        str(where.get("suspend", "")),
        str(where.get("learner", "")),
        str(where.get("entry", "")),
        bool(where.get("lms_failed", False)),
        bool(where.get("framed", False)),
        where.get("storage") == "full",
    )
    app.page.today = str(where.get("today", ""))
    return app


def launch(
    bundle: str,
    strings: str,
    edition: str | None,
    records: str,
    persistent: bool,
    now: int,
    env: str = "{}",
) -> App:
    """The app the worker runs, from the files the build wrote (the content bundle, the UI
    strings, a kommune's edition or ``None``) and what the page sends (see ``launch_prepared``)."""
    return launch_prepared(prepare(bundle, strings, edition), records, persistent, now, env)
