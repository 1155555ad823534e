"""Where the councillor may go: the address names a question, the behaviour says if it may be shown.

Immediate feedback: up to the first unanswered question (no skipping ahead). Deferred feedback,
or a finished round: anywhere on the path. Results only when finished.
"""

from __future__ import annotations

from .model import Quiz
from .routing import INTRO, QUESTION, RESULTS, Route, href
from .session import DEFERRED, Session, back, next_question, replay


def follow_route(
    quiz: Quiz, session: Session | None, route: Route
) -> tuple[str | None, Session | None]:
    """``(redirect, moved)``: the address to go to instead (or ``None``), and the session moved
    to the question in the address (or ``None`` when it did not move)."""
    if route.name not in (QUESTION, RESULTS):
        return None, None
    if session is None:
        # Not started: a link to a question leads to the story, a bad number to "not found".
        story = href(Route(INTRO, quiz.id)) if route.position <= len(quiz.questions) else None
        return story, None
    state = replay(quiz, session)
    if route.name == RESULTS:
        return (None if state.finished else href(Route(INTRO, quiz.id))), None
    if route.position > len(state.path):
        return None, None
    free = session.behaviour == DEFERRED or state.finished
    unanswered = [i for i, q in enumerate(state.path) if q not in state.answers]
    limit = len(state.path) - 1 if free or not unanswered else unanswered[0]
    target = route.position - 1
    if target > limit:
        return href(Route(QUESTION, quiz.id, limit + 1)), None
    moved = session
    for _ in range(abs(target - state.position)):
        moved = (next_question if target > state.position else back)(quiz, moved)
    return None, (moved if moved is not session else None)
