"""The app controller: what a click, an answer, an address change or another tab leads to.

Pure: it gets everything from the shell as plain values (the saved records, the address, the
form's values, a random seed and the time) and answers with an ``Output`` that says what to
draw, what to store, where focus goes and what to announce. The browser shell (``web/app``)
applies it; it runs in a worker, so nothing here may touch a browser object. Tests drive it on
CPython exactly as the page does.
"""

from __future__ import annotations

import json
from typing import Any

from .edition import NEUTRAL, Edition
from .effects import Output
from .errors import SavedStateError
from .kinds import Response, kind_of
from .model import Content
from .navigation import follow_route
from .routing import QUESTION, RESULTS, Route, href, parse_route
from .saved import SESSION, WHERE, read_saved
from .session import MoveError, Session, answer, finish, reset, retry, save_draft, start
from .session_json import check_session, session_from_json, session_to_json
from .strings import Catalogue
from .views.context import ViewContext
from .views.notices import UPDATE_NOTICE, notices_html
from .views.screens import render

LANG, LAST, PENDING_DRAFT = "lang", "last", "pending-draft"
STORAGE_NOTICE = "shell.storage_off"


class Controller:
    """The state of one open page: sessions, language, notices, revealed model answers."""

    in_lms = False  # launched by an LMS: see lms_controller.py
    today = ""  # the device's date (YYYY-MM-DD), sent with every message by the shell

    def __init__(
        self,
        content: Content,
        catalogues: dict[str, Catalogue],
        records: dict[str, str],
        persistent: bool = True,
        now: int = 0,
        edition: Edition = NEUTRAL,
    ) -> None:
        self.content = content
        self.catalogues = catalogues
        self.edition = edition
        stored = records.get(LANG)
        self.lang = stored if stored in catalogues else edition.default_lang
        self.last_quiz = records.get(LAST, "")
        self.revealed: set[str] = set()
        self.notices: list[tuple[str, dict[str, str]]] = []
        if not persistent:
            self.notices.append((STORAGE_NOTICE, {}))
        self.records = records
        saved = read_saved(content, records, now)
        self.sessions, self.positions = saved.sessions, saved.positions
        self.startup_writes: dict[str, str | None] = saved.writes
        for quiz_id in saved.set_aside:
            quiz = content.quiz(quiz_id)
            title = quiz.title.get(self.lang) if quiz else quiz_id
            self.notices.append(("shell.progress_reset", {"quiz": title}))

    @property
    def t(self) -> Catalogue:
        return self.catalogues[self.lang]

    def dispatch(self, message: dict[str, Any]) -> Output:
        """One message from the shell, as plain JSON values. Example:
        ``dispatch({"type": "click", "address": "#/s/gaver", "action": "start",
        "data": {"behaviour": "immediate"}, "seed": 7})``.
        """
        kind = message.get("type")
        self.today = str(message.get("today", self.today))
        address = str(message.get("address", ""))
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
            return self.stored(
                address, str(message.get("key", "")), value if isinstance(value, str) else None
            )
        if kind == "notice" and message.get("key") in (UPDATE_NOTICE, STORAGE_NOTICE):
            return self.notice(str(message["key"]))
        if kind == "dismiss":
            return self.dismiss(int(message.get("index", -1)))
        return Output()

    def boot(self, address: str) -> Output:
        """The first drawing, with what start-up decided to store (damaged records set aside)."""
        writes = dict(self.startup_writes)
        pending = self._pending_draft()
        if pending is not None:
            writes.update(self.draft(*pending).writes)
            writes[PENDING_DRAFT] = None
        out = self.show(address, focus=None)
        out.writes = {**writes, **out.writes}
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

    # -- drawing ---------------------------------------------------------------------------

    def show(self, address: str, focus: str | None = "heading", announce: bool = False) -> Output:
        """Draw the screen for ``address``, or for where it must lead instead (a redirect)."""
        out = Output()
        route = parse_route(address)
        quiz = self.content.quiz(route.quiz) if route.quiz else None
        redirect = follow_route(quiz, self.sessions.get(quiz.id), route) if quiz else None
        if redirect is not None:
            out.redirect = redirect
            return self._draw(out, parse_route(redirect), redirect, focus, announce)
        return self._draw(out, route, address, focus, announce)

    def _draw(
        self, out: Output, route: Route, address: str, focus: str | None, announce: bool
    ) -> Output:
        shown = route.name == QUESTION and route.quiz in self.sessions
        if shown and self.positions.get(route.quiz) != route.position:
            self.positions[route.quiz] = route.position
            out.writes[WHERE + route.quiz] = str(route.position)
        args = (self.content, self.t, self.sessions, frozenset(self.revealed), self.positions)
        ctx = ViewContext(*args, self.edition, lms=self.in_lms, today=self.today)
        screen, page = render(ctx, route, self.last_quiz)
        out.page = str(page)
        out.rendered = address
        out.title = ctx.page_title(screen)
        out.lang = self.lang
        out.notices = self.notices_html()
        out.focus = "#main h1" if focus == "heading" else focus
        if announce and screen.announce:
            out.announce = screen.announce
        return out

    def notices_html(self) -> str:
        return notices_html(self.t, self.notices)

    # -- what the councillor does ------------------------------------------------------------

    def click(self, address: str, action: str, data: dict[str, str], seed: int = 0) -> Output:
        """A button with ``data-action``; ``data`` holds its other ``data-*`` values."""
        route = parse_route(address)
        quiz = self.content.quiz(route.quiz) if route.quiz else None
        if action == "lang":
            if data.get("lang") in self.catalogues:
                self.lang = data["lang"]
            out = self.show(address, focus=f'[data-lang="{self.lang}"]')
            out.writes[LANG] = self.lang
            return out
        if quiz is None:
            return Output()
        session = self.sessions.get(quiz.id)
        out = Output()
        try:
            if action == "start":
                self._save(quiz.id, start(quiz, data.get("behaviour", ""), seed), out)
                return self._go(out, address, Route(QUESTION, quiz.id, 1))
            if action == "reveal":
                self.revealed.add(data.get("question", ""))
                return self._merge(out, self.show(address, focus=".model-answer h2"))
            if session is not None and action == "finish":
                self._save(quiz.id, finish(quiz, session), out)
                return self._go(out, address, Route(RESULTS, quiz.id))
            if session is not None and action in ("retry", "reset"):
                step = retry if action == "retry" else reset
                self._save(quiz.id, step(quiz, session), out)
                self.revealed.clear()
                return self._go(out, address, Route(QUESTION, quiz.id, 1))
        except MoveError:
            return self._merge(out, self.show(address))
        return out

    def submit(self, address: str, form: dict[str, Any]) -> Output:
        """The answer form: ``question``, ``choices``, ``ticked``, ``text``, ``confidence``."""
        route = parse_route(address)
        quiz = self.content.quiz(route.quiz)
        session = self.sessions.get(route.quiz)
        question = quiz.question(str(form.get("question", ""))) if quiz else None
        if quiz is None or session is None or question is None:
            return Output()
        choices = tuple(str(c) for c in form.get("choices", ()))
        ticked = tuple(str(c) for c in form.get("ticked", ()))
        text = str(form.get("text", ""))
        level = form.get("confidence")
        confidence = int(level) if level not in (None, "") else None
        if kind_of(question).needs_choice and not choices:
            return Output(form_error=self.t("question.choose_answer"))
        if question.confidence and confidence is None:
            return Output(form_error=self.t("question.choose_confidence"))
        out = Output()
        try:
            moved = answer(quiz, session, question.id, Response(choices, text, ticked), confidence)
        except MoveError:
            return self.show(address)
        self._save(quiz.id, moved, out)
        return self._merge(out, self.show(address, focus="#feedback-heading", announce=True))

    def draft(self, address: str, question_id: str, text: str) -> Output:
        route = parse_route(address)
        session = self.sessions.get(route.quiz)
        out = Output()
        if question_id and session is not None:
            self._save(route.quiz, save_draft(session, question_id, text), out)
        return out

    def stored(self, address: str, key: str, value: str | None) -> Output:
        """Another tab saved progress: take it over, so this tab never writes over it."""
        if key.startswith(WHERE) and value is not None and value.isdigit():
            self.positions[key.removeprefix(WHERE)] = int(value)
            return Output()
        if not key.startswith(SESSION):
            return Output()
        quiz = self.content.quiz(key.removeprefix(SESSION))
        if quiz is None:
            return Output()
        if value is None:
            self.sessions.pop(quiz.id, None)
        else:
            try:
                session = session_from_json(value)
                check_session(quiz, session)
            except SavedStateError:
                return Output()  # the other tab will set it aside itself
            self.sessions[quiz.id] = session
        # Re-drawn, never written back: where each tab is lives in its own address, not in the
        # saved progress, so the two tabs have nothing to argue about.
        return self.show(address, focus=None)

    def notice(self, key: str) -> Output:
        """Add a notice once (an update waits, storage stopped working)."""
        if (key, {}) not in self.notices:
            self.notices.append((key, {}))
        return Output(notices=self.notices_html())

    def dismiss(self, index: int) -> Output:
        if 0 <= index < len(self.notices):
            del self.notices[index]
        return Output(notices=self.notices_html(), focus="#main h1")

    # -- state --------------------------------------------------------------------------------

    def _save(self, quiz_id: str, session: Session, out: Output) -> None:
        self.sessions[quiz_id] = session
        self.last_quiz = quiz_id
        out.writes[SESSION + quiz_id] = session_to_json(session)
        out.writes[LAST] = quiz_id

    def _go(self, out: Output, address: str, route: Route) -> Output:
        target = href(route)
        if address == target:
            return self._merge(out, self.show(address))
        out.go = target
        return out

    @staticmethod
    def _merge(first: Output, then: Output) -> Output:
        then.writes = {**first.writes, **then.writes}
        return then
