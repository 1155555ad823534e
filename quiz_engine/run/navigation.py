"""Where the councillor may go: the address names a question, the behaviour says if it may be shown.

Immediate feedback: up to the first unanswered question (no skipping ahead). Deferred feedback,
or a finished round: anywhere on the path. Results (and their printout) only when finished.
The address is the position; moving about changes nothing that is saved.
"""

from __future__ import annotations

from ..base.model import Quiz
from .play import Play, may_show
from .routing import INTRO, PRINT, QUESTION, RESULTS, Route, href


def follow_route(quiz: Quiz, play: Play | None, route: Route) -> str | None:
    """The address to go to instead of ``route``, or ``None`` when it may be shown as it is."""
    if route.name not in (QUESTION, RESULTS, PRINT):
        return None
    if play is None:
        # Not started: a link to a question leads to the story, a bad number to "not found".
        return href(Route(INTRO, quiz.id)) if route.position <= len(quiz.questions) else None
    state = play.state
    if route.name in (RESULTS, PRINT):
        return None if state.finished else href(Route(INTRO, quiz.id))
    if route.position > len(state.path) or may_show(play, route.position - 1):
        return None  # a number past the end is "not found"
    return href(Route(QUESTION, quiz.id, state.first_open() + 1))


def resume_route(quiz: Quiz, play: Play, last: int | None = None) -> Route:
    """Where "continue" leads: the results, the question last shown (``last``) if it may be
    shown, or else the first question still open."""
    state = play.state
    if state.finished:
        return Route(RESULTS, quiz.id)
    if not play.session.history:
        return Route(INTRO, quiz.id)
    if last is not None and may_show(play, last - 1):
        return Route(QUESTION, quiz.id, last)
    return Route(QUESTION, quiz.id, min(state.first_open(), len(state.path) - 1) + 1)
