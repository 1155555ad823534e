"""The app: one page's parts composed, and every message from the shell routed to one of them.

The quiz part (``quiz.py``) plays the quizzes; the seminar part (``seminar/desk.py``) runs the
``#/seminar`` screens; in an LMS launch the LMS part (``lms/part.py``) resumes from the LMS and
reports each move. The app itself keeps what the page shares (``page.py``: the language, the
notices) and decides which part a message is for. ``launch.py`` composes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..base.names import PENDING_DRAFT, STORAGE_NOTICE, UPDATE_NOTICE
from ..run.routing import is_seminar, parse_route
from .effects import Output
from .lms.part import LmsPart
from .page import Page
from .quiz import QuizPart
from .records import LANG
from .seminar.desk import MESSAGES, Desk


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
        writes = dict(self.startup_writes)
        pending = self._pending_draft()
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
        try:
            data = json.loads(raw) if raw else None
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        fields = (data.get("address"), data.get("question"), data.get("text"))
        if not all(isinstance(f, str) for f in fields):
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
            value = message.get("value")
            return self.quiz.stored(
                address, str(message.get("key", "")), value if isinstance(value, str) else None
            )
        if kind == "notice" and message.get("key") in (UPDATE_NOTICE, STORAGE_NOTICE):
            self.page.notice(str(message["key"]))
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
