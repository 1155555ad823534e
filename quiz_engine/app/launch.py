"""Which app a page gets, composed of its parts: the rule the worker follows at start-up.

Standalone (a link, the intranet, an installed app): the quizzes and the seminar. Launched by an
LMS for a quiz this package has: the quizzes and the LMS bridge for that quiz (an LMS launch for
a quiz the package lacks runs the plain app instead of failing).
"""

from __future__ import annotations

import json
from typing import Any

from ..base.bundle import content_from_json
from ..base.edition import NEUTRAL, Edition, edition_from_json
from ..base.model import Content
from ..base.strings import Catalogue
from .app import App
from .lms.part import LmsPart
from .page import Page
from .quiz import QuizPart
from .records import LANG, LAST, read_saved
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
) -> App:
    """The app for one page, from the device's saved ``records``; ``lms_quiz`` and
    ``suspend_data`` are what an LMS launch says (the quiz it launched, its saved progress)."""
    page = Page(content, catalogues, records.get(LANG), edition, persistent)
    saved = read_saved(content, records, now)
    for quiz_id in saved.set_aside:
        quiz = content.quiz(quiz_id)
        title = quiz.title.get(page.lang) if quiz else quiz_id
        page.notices.append(("shell.progress_reset", {"quiz": title}))
    writes = dict(saved.writes)
    quiz_part = QuizPart(page, saved, records.get(LAST, ""))
    launched = content.quiz(lms_quiz)
    if launched is not None:
        page.in_lms = True
        lms = LmsPart(launched, quiz_part, suspend_data, now)
        writes.update(lms.startup_writes)
        return App(page, quiz_part, records, writes, lms=lms)
    seminar = Desk(page, records, writes, now)
    return App(page, quiz_part, records, writes, seminar=seminar)


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
    strings, a kommune's edition or ``None``) and what the page sends as JSON (the saved
    records; ``env``: ``{"today": …, "lms": quiz id, "suspend": the LMS's saved progress}``)."""
    where: dict[str, Any] = json.loads(env)
    app = compose(
        content_from_json(bundle),
        {lang: Catalogue(lang, entries) for lang, entries in json.loads(strings).items()},
        json.loads(records),
        bool(persistent),
        int(now),
        edition_from_json(edition) if edition is not None else NEUTRAL,
        str(where.get("lms", "")),
        str(where.get("suspend", "")),
    )
    app.page.today = str(where.get("today", ""))
    return app
