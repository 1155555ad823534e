"""A quiz being played: its ``Session`` (what is saved) and the ``State`` folded from it, and the
moves that take it on. Each move asks the session's behaviour whether it is legal, and either
raises ``MoveError`` or returns a new ``Play`` with one more event (folded in one step).

A walkthrough reads like a script::

    play = start(quiz, "immediate", seed=1)
    play = answer(quiz, play, "invitasjon", Response(("nei",)))
    assert feedback_visible(play, "invitasjon")
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..base.model import Quiz
from ..kinds import MAX_TEXT, NO_CHOICE, Response, response_problem
from .behaviours import BEHAVIOURS, IMMEDIATE, Behaviour, behaviour_of
from .fold import State, fold, initial, replay, retry_ids
from .session import CERTAINTIES, Event, MoveError, Session


@dataclass(frozen=True)
class Play:
    session: Session
    state: State

    @property
    def behaviour(self) -> Behaviour:
        return behaviour_of(self.session.behaviour)


def start(quiz: Quiz, behaviour: str = IMMEDIATE, seed: int = 0) -> Play:
    """A new play of ``quiz``. Example: ``start(quiz, "deferred", seed=42)``."""
    if behaviour not in BEHAVIOURS:
        raise MoveError(f"unknown behaviour {behaviour!r}")
    if not quiz.questions:
        raise MoveError(f"quiz {quiz.id!r} has no questions")
    return Play(Session(quiz.id, behaviour, seed), initial(quiz))


def play_of(quiz: Quiz, session: Session) -> Play:
    """Saved progress, folded to where it stands."""
    return Play(session, replay(quiz, session))


def _then(quiz: Quiz, play: Play, event: Event) -> Play:
    return Play(play.session.then(event), fold(quiz, play.state, event))


# -- what the behaviour allows -------------------------------------------------------------------


def feedback_visible(play: Play, question_id: str) -> bool:
    return play.behaviour.feedback_visible(play.state, question_id)


def can_answer(play: Play, question_id: str) -> bool:
    return play.behaviour.can_answer(play.state, question_id)


def may_show(play: Play, index: int) -> bool:
    """Whether the question at ``index`` on the path may be shown (the behaviour decides)."""
    return play.behaviour.may_show(play.state, index)


def can_finish(play: Play) -> bool:
    return play.behaviour.can_finish(play.state)


# -- moves ---------------------------------------------------------------------------------------


def answer(
    quiz: Quiz,
    play: Play,
    question_id: str,
    response: Response,
    confidence: int | None = None,
) -> Play:
    """Answer ``question_id``. A refusal the councillor can mend carries its catalogue key."""
    question = quiz.question(question_id)
    if question is None:
        raise MoveError(f"no question {question_id!r} in {quiz.id!r}")
    if not can_answer(play, question_id):
        raise MoveError(f"question {question_id!r} cannot be answered now")
    problem = response_problem(question, response)
    if problem == NO_CHOICE:
        raise MoveError(problem, key="question.choose_answer")
    if question.confidence and confidence is None:
        raise MoveError("say how sure you are (1, 2 or 3)", key="question.choose_confidence")
    if problem:
        raise MoveError(problem)
    if len(response.text) > MAX_TEXT:
        raise MoveError(f"the text is longer than {MAX_TEXT} characters")
    if question.confidence and confidence not in CERTAINTIES:
        raise MoveError("say how sure you are (1, 2 or 3)")
    if not question.confidence and confidence is not None:
        raise MoveError("this question does not ask how sure you are")
    return _then(quiz, play, Event("answer", question_id, response, confidence))


def finish(quiz: Quiz, play: Play) -> Play:
    if play.state.finished:
        raise MoveError("already finished")
    if not can_finish(play):
        raise MoveError("answer every question first")
    return _then(quiz, play, Event("finish"))


def retry(quiz: Quiz, play: Play) -> Play:
    if not play.state.finished or not retry_ids(quiz, play.state):
        raise MoveError("nothing to retry")
    return _then(quiz, play, Event("retry"))


def reset(quiz: Quiz, play: Play) -> Play:
    moved = _then(quiz, play, Event("reset"))
    return dataclasses.replace(moved, session=dataclasses.replace(moved.session, drafts=()))


def save_draft(play: Play, question_id: str, text: str) -> Play:
    """Keep unfinished reflection text; not an answer, so not part of the history."""
    drafts = dict(play.session.drafts)
    drafts[question_id] = text[:MAX_TEXT]
    session = dataclasses.replace(play.session, drafts=tuple(sorted(drafts.items())))
    return dataclasses.replace(play, session=session)
