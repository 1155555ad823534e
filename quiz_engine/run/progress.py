"""How far a councillor has come in a quiz: for the home screen and "continue"."""

from __future__ import annotations

from dataclasses import dataclass

from ..base.model import Quiz
from .flow import walk
from .navigation import resume_route
from .play import Play
from .routing import INTRO, RESULTS, Route
from .scoring import result


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    finished: bool
    percent: float | None
    resume: Route
    started: bool = False


def progress(quiz: Quiz, play: Play | None, last: int | None = None) -> Progress:
    """Answered so far, and where "continue" leads (``last``: the question last shown)."""
    if play is None:
        return Progress(0, len(_default_path(quiz)), False, None, Route(INTRO, quiz.id))
    state = play.state
    answered = sum(1 for q in state.path if q in state.answers)
    if state.finished:
        percent = result(quiz, state).percent
        return Progress(answered, len(state.path), True, percent, Route(RESULTS, quiz.id), True)
    resume = resume_route(quiz, play, last)
    return Progress(answered, len(state.path), False, None, resume, bool(play.session.history))


def _default_path(quiz: Quiz) -> tuple[str, ...]:
    return walk(quiz, lambda q: None)
