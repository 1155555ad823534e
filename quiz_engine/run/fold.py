"""Where a session stands: the ``State`` folded from its history, one event at a time.

``fold(quiz, state, event)`` is pure and returns a new state; ``replay`` folds a whole history
(saved progress just read). The app keeps the state beside its session (``play.Play``), so a new
answer costs one step and nothing is cached behind anyone's back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..base.model import Question, Quiz
from ..kinds import RIGHT, Attempt, grade, kind_of
from .flow import walk
from .session import Event, Session

_NONE: Mapping[str, Attempt] = MappingProxyType({})


@dataclass(frozen=True)
class State:
    """Where a session stands: the round, the path the story takes, and the answers."""

    round: int = 1
    finished: bool = False
    path: tuple[str, ...] = ()
    # The answers of this round, and the latest answer to each question in any round.
    answers: Mapping[str, Attempt] = field(default_factory=lambda: _NONE)
    latest: Mapping[str, Attempt] = field(default_factory=lambda: _NONE)
    retry_ids: tuple[str, ...] = ()

    def first_open(self) -> int:
        """The index of the first unanswered question on the path (its length when none)."""
        return next((i for i, q in enumerate(self.path) if q not in self.answers), len(self.path))

    @property
    def is_retry(self) -> bool:
        return bool(self.retry_ids)


def initial(quiz: Quiz) -> State:
    """The state of a session with no history."""
    return dataclasses.replace(State(), path=_path(quiz, State()))


def replay(quiz: Quiz, session: Session) -> State:
    """Where ``session`` stands: its whole history folded."""
    state = initial(quiz)
    for event in session.history:
        state = fold(quiz, state, event)
    return state


def fold(quiz: Quiz, state: State, event: Event) -> State:
    """The state after ``event``."""
    if event.action == "answer" and event.response is not None:
        question = quiz.question(event.question)
        if question is None:
            return state
        attempt = Attempt(
            event.question,
            event.response,
            event.confidence,
            grade(question, event.response),
            state.round,
        )
        state = dataclasses.replace(
            state,
            answers=_with(state.answers, attempt),
            latest=_with(state.latest, attempt),
        )
        # The path only changes when a story choice is made or a round begins.
        return _repathed(quiz, state) if kind_of(question).branches else state
    if event.action == "finish":
        return dataclasses.replace(state, finished=True)
    if event.action == "retry":
        return _repathed(
            quiz,
            dataclasses.replace(
                state,
                retry_ids=retry_ids(quiz, state),
                round=state.round + 1,
                finished=False,
                answers=_NONE,
            ),
        )
    if event.action == "reset":
        return _repathed(quiz, State(round=state.round + 1))
    return state


def _with(attempts: Mapping[str, Attempt], attempt: Attempt) -> Mapping[str, Attempt]:
    return MappingProxyType({**attempts, attempt.question: attempt})


def _repathed(quiz: Quiz, state: State) -> State:
    return dataclasses.replace(state, path=_path(quiz, state))


def _path(quiz: Quiz, state: State) -> tuple[str, ...]:
    if state.retry_ids:
        return state.retry_ids
    return walk(quiz, lambda q: _choice(state.answers, q))


def result_path(quiz: Quiz, state: State) -> tuple[str, ...]:
    """The questions that count in the result: the story as the councillor last told it."""
    return walk(quiz, lambda q: _choice(state.latest, q))


def _choice(answers: Mapping[str, Attempt], question: Question) -> str | None:
    attempt = answers.get(question.id)
    return attempt.response.choices[0] if attempt and attempt.response.choices else None


def retry_ids(quiz: Quiz, state: State) -> tuple[str, ...]:
    """Scored questions not fully right. Story choices (branching) are not retried."""
    ids = []
    for question_id in result_path(quiz, state):
        question = quiz.question(question_id)
        attempt = state.latest.get(question_id)
        if question is None or not question.scored or kind_of(question).branches:
            continue
        if attempt is None or attempt.grade.state != RIGHT:
            ids.append(question_id)
    return tuple(ids)
