"""The quiz part of the app: what a click, an answer, an address or another tab does to the
quizzes played on this device.

Pure: it gets everything as plain values (the saved records, the address, the form's values, a
random seed) and answers with an ``Output`` that says what to draw, store, focus and announce.
The rules themselves are the session's (``run/play.py``, per behaviour) and the navigation's
(``run/navigation.py``); this part applies them and turns a refusal into the form's error.
"""

from __future__ import annotations

from typing import Any

from ..base.bounded import whole_or_none
from ..base.errors import SavedStateError
from ..base.model import Quiz
from ..kinds import Response
from ..run.navigation import follow_route
from ..run.play import (
    Play,
    answer,
    finish,
    play_of,
    reset,
    retry,
    save_draft,
    start,
)
from ..run.routing import QUESTION, RESULTS, Route, href, parse_route
from ..run.saved_format import check_session, session_from_json, session_to_json
from ..run.session import MoveError
from ..views.screens import render
from .effects import Output
from .merge import merge_sessions
from .page import Page
from .records import ASIDE, LAST, MAX_POSITION, SESSION, WHERE, Saved

ACTIONS = ("start", "reveal", "finish", "retry", "reset")


class QuizPart:
    """The quizzes of this device: each one's play, the question last shown, revealed model
    answers and the quiz last worked on."""

    def __init__(self, page: Page, saved: Saved, last_quiz: str = "") -> None:
        self.page = page
        self.plays: dict[str, Play] = saved.plays
        self.positions: dict[str, int] = saved.positions
        self.revealed: set[str] = set()
        self.last_quiz = last_quiz

    # -- drawing -------------------------------------------------------------------------------

    def show(self, address: str, focus: str | None = "heading", announce: bool = False) -> Output:
        """Draw the screen for ``address``, or for where it must lead instead (a redirect)."""
        route = parse_route(address)
        quiz = self.page.content.quiz(route.quiz) if route.quiz else None
        redirect = follow_route(quiz, self.plays.get(quiz.id), route) if quiz else None
        if redirect is not None:
            out = self._draw(parse_route(redirect), redirect, focus, announce)
            out.redirect = redirect
            return out
        return self._draw(route, address, focus, announce)

    def _draw(self, route: Route, address: str, focus: str | None, announce: bool) -> Output:
        writes: dict[str, str | None] = {}
        shown = route.name == QUESTION and route.quiz in self.plays
        if shown and self.positions.get(route.quiz) != route.position:
            self.positions[route.quiz] = route.position
            writes[WHERE + route.quiz] = str(route.position)
        ctx = self.page.context(self.plays, frozenset(self.revealed), self.positions)
        screen, page = render(ctx, route, self.last_quiz)
        said = screen.announce if announce else ""
        out = self.page.draw(ctx, screen, address, focus, said, framed=page)
        out.writes = writes
        return out

    # -- what the councillor does --------------------------------------------------------------

    def click(self, address: str, action: str, data: dict[str, str], seed: int = 0) -> Output:
        """A button with ``data-action``; ``data`` holds its other ``data-*`` values."""
        route = parse_route(address)
        quiz = self.page.content.quiz(route.quiz) if route.quiz else None
        if quiz is None or action not in ACTIONS:
            return Output()
        play = self.plays.get(quiz.id)
        out = Output()
        try:
            if action == "start":
                self._save(quiz, start(quiz, data.get("behaviour", ""), seed), out)
                return self._go(out, address, Route(QUESTION, quiz.id, 1))
            if action == "reveal":
                self.revealed.add(data.get("question", ""))
                return out.then(self.show(address, focus=".model-answer h2"))
            if play is not None and action == "finish":
                self._save(quiz, finish(quiz, play), out)
                return self._go(out, address, Route(RESULTS, quiz.id))
            if play is not None and action in ("retry", "reset"):
                step = retry if action == "retry" else reset
                self._save(quiz, step(quiz, play), out)
                self.revealed.clear()
                return self._go(out, address, Route(QUESTION, quiz.id, 1))
        except MoveError:
            return out.then(self.show(address))
        return out

    def submit(self, address: str, form: dict[str, Any]) -> Output:
        """The answer form: ``question``, ``choices``, ``ticked``, ``text``, ``confidence``."""
        route = parse_route(address)
        quiz = self.page.content.quiz(route.quiz)
        play = self.plays.get(route.quiz)
        question = quiz.question(str(form.get("question", ""))) if quiz else None
        if quiz is None or play is None or question is None:
            return Output()
        choices = tuple(str(c) for c in form.get("choices", ()))
        ticked = tuple(str(c) for c in form.get("ticked", ()))
        level = form.get("confidence")
        confidence = whole_or_none(str(level), 1, 3) if level not in (None, "") else None
        response = Response(choices, str(form.get("text", "")), ticked)
        out = Output()
        try:
            moved = answer(quiz, play, question.id, response, confidence)
        except MoveError as refused:
            if refused.key:
                return Output(form_error=self.page.t(refused.key))
            return self.show(address)
        self._save(quiz, moved, out)
        return out.then(self.show(address, focus="#feedback-heading", announce=True))

    def draft(self, address: str, question_id: str, text: str) -> Output:
        """Text typed into a reflection, kept quietly: stored, nothing redrawn."""
        quiz = self.page.content.quiz(parse_route(address).quiz)
        play = self.plays.get(quiz.id) if quiz else None
        out = Output()
        if quiz is not None and play is not None and question_id:
            self._save(quiz, save_draft(play, question_id, text), out)
        return out

    def stored(self, address: str, key: str, value: str | None) -> Output:
        """Another tab saved progress: merge it with this tab's (``merge.py``), so neither
        tab writes over the other; what this tab adds is written back."""
        if key.startswith(WHERE):
            position = whole_or_none(value, 1, MAX_POSITION)
            if position is not None:
                self.positions[key.removeprefix(WHERE)] = position
            return Output()
        if not key.startswith(SESSION):
            return Output()
        quiz = self.page.content.quiz(key.removeprefix(SESSION))
        if quiz is None:
            return Output()
        out = Output()
        if value is None:
            self.plays.pop(quiz.id, None)
        else:
            try:
                theirs = session_from_json(value)
                check_session(quiz, theirs)
            except SavedStateError:
                return Output()  # the other tab will set it aside itself
            mine = self.plays.get(quiz.id)
            if mine is None:
                self.plays[quiz.id] = play_of(quiz, theirs)
            else:
                play, aside = merge_sessions(quiz, mine.session, theirs)
                self.plays[quiz.id] = play
                if play.session != theirs:
                    out.writes[SESSION + quiz.id] = session_to_json(play.session)
                if aside is not None:
                    out.writes[f"{ASIDE}{quiz.id}:{self.page.now}"] = session_to_json(aside)
        # Re-drawn: where each tab is lives in its own address, not in the saved progress.
        return out.then(self.show(address, focus=None))

    # -- state ---------------------------------------------------------------------------------

    def _save(self, quiz: Quiz, play: Play, out: Output) -> None:
        self.plays[quiz.id] = play
        self.last_quiz = quiz.id
        out.writes[SESSION + quiz.id] = session_to_json(play.session)
        out.writes[LAST] = quiz.id

    def _go(self, out: Output, address: str, route: Route) -> Output:
        target = href(route)
        if address == target:
            return out.then(self.show(address))
        out.go = target
        return out


__all__ = ["QuizPart", "play_of"]
