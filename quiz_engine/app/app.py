"""The app: one page's parts composed, and every message from the shell routed to one of them.

The quiz part (``quiz.py``) plays the quizzes; the seminar part (``seminar/desk.py``) runs the
``#/seminar`` screens; in an LMS launch the LMS part (``lms/part.py``) resumes from the LMS and
reports each move. The app itself keeps what the page shares (``page.py``: the language, the
notices) and decides which part a message is for. ``launch.py`` composes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..base.bounded import Refused, json_value
from ..base.names import (
    LMS_OFF_NOTICE,
    LMS_WAITING_NOTICE,
    PENDING_DRAFT,
    SEMINAR_KEY,
    STORAGE_FULL_NOTICE,
    STORAGE_NOTICE,
    TABLE_KEY,
    UPDATE_NOTICE,
)
from ..kinds import MAX_TEXT
from ..run.routing import is_seminar, parse_route
from .effects import Output
from .lms.part import LmsPart
from .page import Page
from .quiz import QuizPart
from .records import LANG, RECORD_NOTICE, set_aside
from .seminar.desk import MESSAGES, Desk

# The notices the shell may ask for (or take back, with ``off``).
SHELL_NOTICES = (
    UPDATE_NOTICE,
    STORAGE_NOTICE,
    STORAGE_FULL_NOTICE,
    LMS_OFF_NOTICE,
    LMS_WAITING_NOTICE,
)
FORGET_ACTIONS = ("forget", "forget-yes", "forget-no")
FORGOTTEN_NOTICE = "shell.forgotten"


class App:
    def __init__(
        self,
        page: Page,
        quiz: QuizPart,
        records: dict[str, str],
        startup_writes: dict[str, str | None],
        seminar: Desk | None = None,
        lms: LmsPart | None = None,
    ) -> None:
        self.page = page
        self.quiz = quiz
        self.seminar = seminar
        self.lms = lms
        self.records = records
        self.startup_writes = startup_writes

    def boot(self, address: str) -> Output:
        """The first drawing, with what start-up decided to store (damaged records set aside)."""
        pending = self._pending_draft()
        writes = dict(self.startup_writes)
        if pending is not None:
            writes.update(self.quiz.draft(*pending).writes)
            writes[PENDING_DRAFT] = None
        target = self.lms.first_address(address) if self.lms else address
        out = self.show(target, focus=None)
        if target != address:
            out.redirect = target
        out.writes = {**writes, **out.writes}
        if self.lms is not None:
            out.lms = self.lms.values()
        return out

    def _pending_draft(self) -> tuple[str, str, str] | None:
        """Text typed just before the page closed, kept by the shell at once (see shell.mjs)."""
        raw = self.records.get(PENDING_DRAFT)
        if raw is None:
            return None
        try:
            data = json_value(raw, limit=4 * MAX_TEXT + 1000, depth=1)
        except Refused:
            data = None
        fields = (
            (data.get("address"), data.get("question"), data.get("text"))
            if isinstance(data, dict)
            else ()
        )
        if len(fields) != 3 or not all(isinstance(f, str) for f in fields):
            set_aside(self.startup_writes, PENDING_DRAFT, raw, self.page.now)
            self.page.notice(RECORD_NOTICE)
            return None
        return str(fields[0]), str(fields[1]), str(fields[2])

    # -- messages ------------------------------------------------------------------------------

    def dispatch(self, message: dict[str, Any]) -> Output:
        """One message from the shell, as plain JSON values. Example:
        ``dispatch({"type": "click", "address": "#/s/gaver", "action": "start",
        "data": {"behaviour": "immediate"}, "seed": 7})``.
        """
        kind = message.get("type")
        self.page.today = str(message.get("today", self.page.today))
        now = message.get("now")
        if isinstance(now, int | float) and not isinstance(now, bool) and 0 <= now < 2**53:
            self.page.now = max(self.page.now, int(now))
        address = str(message.get("address", ""))
        if self.lms is not None:
            now = message.get("now")
            self.lms.seen(address, now if isinstance(now, int) else 0)
        seminar_click = kind == "click" and message.get("action") != "lang"
        if self.seminar is not None and (
            kind in MESSAGES or (seminar_click and self._seminar_at(address))
        ):
            return self.seminar.dispatch(message)
        if kind == "show":
            return self.show(address, message.get("focus", "heading"))
        if kind == "click":
            data = {str(k): str(v) for k, v in dict(message.get("data", {})).items()}
            return self.click(
                address, str(message.get("action", "")), data, int(message.get("seed", 0))
            )
        if kind == "submit":
            return self.submit(address, dict(message.get("form", {})))
        if kind == "draft":
            return self.draft(
                address, str(message.get("question", "")), str(message.get("text", ""))
            )
        if kind == "stored":
            key, value = str(message.get("key", "")), message.get("value")
            text = value if isinstance(value, str) else None
            if self.seminar is not None and key.startswith((SEMINAR_KEY, TABLE_KEY)):
                return self.seminar.stored(address, key, text)
            return self.quiz.stored(address, key, text)
        if kind == "notice" and message.get("key") in SHELL_NOTICES:
            key = str(message["key"])
            if message.get("off"):
                self.page.notices = [n for n in self.page.notices if n[0] != key]
            else:
                self.page.notice(key)
            return Output(notices=self.page.notices_html())
        if kind == "dismiss":
            return self.dismiss(int(message.get("index", -1)))
        return Output()

    def _seminar_at(self, address: str) -> bool:
        return self.seminar is not None and is_seminar(parse_route(address))

    def show(self, address: str, focus: str | None = "heading", announce: bool = False) -> Output:
        if self.seminar is not None and self._seminar_at(address):
            return self.seminar.show(address, focus)
        return self.quiz.show(address, focus, announce)

    def click(self, address: str, action: str, data: dict[str, str], seed: int = 0) -> Output:
        if action in FORGET_ACTIONS:
            return self.forget(address, action)
        if action == "lang":
            if data.get("lang") in self.page.catalogues:
                self.page.lang = data["lang"]
            out = self.show(address, focus=f'[data-lang="{self.page.lang}"]')
            out.writes[LANG] = self.page.lang
            return out
        return self._reported(lambda: self.quiz.click(address, action, data, seed))

    def submit(self, address: str, form: dict[str, Any]) -> Output:
        return self._reported(lambda: self.quiz.submit(address, form))

    def draft(self, address: str, question_id: str, text: str) -> Output:
        return self.quiz.draft(address, question_id, text)

    def forget(self, address: str, action: str) -> Output:
        """The about screen's "delete my data": asked, confirmed, then every record of the app
        on this device is deleted (the shell deletes exactly the keys under the app's prefix)
        and the app goes on, empty."""
        self.page.forgetting = action == "forget"
        if action != "forget-yes":
            focus = "#forget-yes" if self.page.forgetting else "#forget"
            return self.show(address, focus=focus)
        self.quiz.plays.clear()
        self.quiz.positions.clear()
        self.quiz.revealed.clear()
        self.quiz.last_quiz = ""
        if self.seminar is not None:
            self.seminar.forget()
        self.records.clear()
        self.page.notices = [n for n in self.page.notices if n[0] in SHELL_NOTICES]
        self.page.notice(FORGOTTEN_NOTICE)
        out = self.show(address, focus="#notices .notice")
        out.forget = True
        out.announce = self.page.t(FORGOTTEN_NOTICE)
        return out

    def dismiss(self, index: int) -> Output:
        if 0 <= index < len(self.page.notices):
            del self.page.notices[index]
        return Output(notices=self.page.notices_html(), focus="#main h1")

    def _reported(self, move: Callable[[], Output]) -> Output:
        """Run one of the councillor's moves on the quiz; in an LMS, report what it changed."""
        before = self.lms.play() if self.lms else None
        out = move()
        return self.lms.report(before, out) if self.lms else out


__all__ = ["App"]
