"""How the quiz runs: a small state machine with pure transitions and an append-only history.

A ``Session`` is what is saved: the quiz, the behaviour, the shuffle seed and the history of
what the councillor did (answers, finish, retry, reset); where they browse is the address, not
history. Everything else (what was answered, whether it is finished) is derived by folding the
history with ``replay``, one event at a time and once per event (the fold of a session's
history without its newest event is kept, so a new answer costs one step). Transitions return a
new session with one more event, or raise ``MoveError`` when the move is not allowed.
"""

from __future__ import annotations

import copy
import dataclasses
from collections import OrderedDict
from dataclasses import dataclass, field

from .flow import walk
from .kinds import MAX_TEXT, RIGHT, Grade, Response, grade, kind_of, response_problem
from .model import Question, Quiz

IMMEDIATE, DEFERRED = "immediate", "deferred"
BEHAVIOURS = (IMMEDIATE, DEFERRED)
ACTIONS = ("answer", "finish", "retry", "reset")
CERTAINTIES = (1, 2, 3)


class MoveError(ValueError):
    """A transition that is not allowed in the session's current state."""


@dataclass(frozen=True)
class Event:
    action: str
    question: str = ""
    response: Response | None = None
    confidence: int | None = None


@dataclass(frozen=True)
class Session:
    quiz: str
    behaviour: str
    seed: int
    history: tuple[Event, ...] = ()
    drafts: tuple[tuple[str, str], ...] = ()

    def draft(self, question_id: str) -> str:
        return dict(self.drafts).get(question_id, "")


@dataclass(frozen=True)
class Attempt:
    question: str
    response: Response
    confidence: int | None
    grade: Grade
    round: int


@dataclass
class State:
    """Where a session stands, derived from its history."""

    round: int = 1
    finished: bool = False
    path: tuple[str, ...] = ()
    answers: dict[str, Attempt] = field(default_factory=dict)
    latest: dict[str, Attempt] = field(default_factory=dict)
    retry_ids: tuple[str, ...] = ()

    def first_open(self) -> int:
        """The index of the first unanswered question on the path (its length when none)."""
        return next((i for i, q in enumerate(self.path) if q not in self.answers), len(self.path))

    @property
    def is_retry(self) -> bool:
        return bool(self.retry_ids)


def start(quiz: Quiz, behaviour: str = IMMEDIATE, seed: int = 0) -> Session:
    """A new session on ``quiz``. Example: ``start(quiz, "deferred", seed=42)``."""
    if behaviour not in BEHAVIOURS:
        raise MoveError(f"unknown behaviour {behaviour!r}")
    if not quiz.questions:
        raise MoveError(f"quiz {quiz.id!r} has no questions")
    return Session(quiz.id, behaviour, seed)


# Folds of recent histories, newest last: (quiz, history) -> State. The views, the navigation
# and the next transition all ask for the same few sessions, and a new event extends a history
# that is already here. The quiz itself is kept with its state: while an entry lives, its
# ``id`` cannot be reused by another quiz.
_FOLDS: OrderedDict[tuple[int, tuple[Event, ...]], tuple[Quiz, State]] = OrderedDict()
_KEEP = 64


def replay(quiz: Quiz, session: Session) -> State:
    """Where ``session`` stands. Do not change the state you get: it is shared."""
    history = session.history
    found = _cached(quiz, history)
    if found is not None:
        return found
    before = _cached(quiz, history[:-1]) if history else None
    if before is not None:  # one more event than a fold we have: one step
        state = copy.copy(before)
        state.answers, state.latest = dict(state.answers), dict(state.latest)
        _apply(quiz, state, history[-1])
    else:  # saved progress just loaded, or an old fold: the whole history, in a loop
        state = State()
        state.path = _path(quiz, state)
        for event in history:
            _apply(quiz, state, event)
    _FOLDS[(id(quiz), history)] = (quiz, state)
    if len(_FOLDS) > _KEEP:
        _FOLDS.popitem(last=False)
    return state


def _cached(quiz: Quiz, history: tuple[Event, ...]) -> State | None:
    entry = _FOLDS.get((id(quiz), history))
    if entry is None or entry[0] is not quiz:
        return None
    _FOLDS.move_to_end((id(quiz), history))
    return entry[1]


def _apply(quiz: Quiz, state: State, event: Event) -> None:
    # The path only changes when a story choice is made or a round begins.
    repath = event.action in ("retry", "reset")
    if event.action == "answer" and event.response is not None:
        question = quiz.question(event.question)
        if question is not None:
            repath = kind_of(question).branches
            attempt = Attempt(
                event.question,
                event.response,
                event.confidence,
                grade(question, event.response),
                state.round,
            )
            state.answers[event.question] = attempt
            state.latest[event.question] = attempt
    elif event.action == "finish":
        state.finished = True
    elif event.action == "retry":
        state.retry_ids = retry_ids(quiz, state)
        state.round, state.finished, state.answers = state.round + 1, False, {}
    elif event.action == "reset":
        fresh = State(round=state.round + 1)
        state.__dict__.update(fresh.__dict__)
    if repath:
        state.path = _path(quiz, state)


def _path(quiz: Quiz, state: State) -> tuple[str, ...]:
    if state.retry_ids:
        return state.retry_ids
    return walk(quiz, lambda q: _choice(state.answers, q))


def result_path(quiz: Quiz, state: State) -> tuple[str, ...]:
    """The questions that count in the result: the story as the councillor last told it."""
    return walk(quiz, lambda q: _choice(state.latest, q))


def _choice(answers: dict[str, Attempt], question: Question) -> str | None:
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


def feedback_visible(session: Session, state: State, question_id: str) -> bool:
    if session.behaviour == DEFERRED:
        return state.finished
    return question_id in state.answers or state.finished


def can_answer(session: Session, state: State, question_id: str) -> bool:
    if state.finished or question_id not in state.path:
        return False
    if session.behaviour == DEFERRED:
        return True
    return question_id not in state.answers and may_show(
        session, state, state.path.index(question_id)
    )


def may_show(session: Session, state: State, index: int) -> bool:
    """Whether the question at ``index`` on the path may be shown. Immediate feedback: up to
    the first unanswered one (no skipping ahead). Deferred feedback, or a finished round:
    anywhere."""
    if not 0 <= index < len(state.path):
        return False
    return session.behaviour == DEFERRED or state.finished or index <= state.first_open()


def can_finish(session: Session, state: State) -> bool:
    """Immediate feedback: every question on the path answered. Deferred: at any time."""
    if state.finished:
        return False
    return session.behaviour == DEFERRED or state.first_open() == len(state.path)


def _append(session: Session, event: Event) -> Session:
    return dataclasses.replace(session, history=(*session.history, event))


def answer(
    quiz: Quiz,
    session: Session,
    question_id: str,
    response: Response,
    confidence: int | None = None,
) -> Session:
    state = replay(quiz, session)
    question = quiz.question(question_id)
    if question is None:
        raise MoveError(f"no question {question_id!r} in {quiz.id!r}")
    if not can_answer(session, state, question_id):
        raise MoveError(f"question {question_id!r} cannot be answered now")
    problem = response_problem(question, response)
    if problem:
        raise MoveError(problem)
    if len(response.text) > MAX_TEXT:
        raise MoveError(f"the text is longer than {MAX_TEXT} characters")
    if question.confidence and confidence not in CERTAINTIES:
        raise MoveError("say how sure you are (1, 2 or 3)")
    if not question.confidence and confidence is not None:
        raise MoveError("this question does not ask how sure you are")
    return _append(session, Event("answer", question_id, response, confidence))


def finish(quiz: Quiz, session: Session) -> Session:
    state = replay(quiz, session)
    if state.finished:
        raise MoveError("already finished")
    if not can_finish(session, state):
        raise MoveError("answer every question first")
    return _append(session, Event("finish"))


def retry(quiz: Quiz, session: Session) -> Session:
    state = replay(quiz, session)
    if not state.finished or not retry_ids(quiz, state):
        raise MoveError("nothing to retry")
    return _append(session, Event("retry"))


def reset(quiz: Quiz, session: Session) -> Session:
    return dataclasses.replace(_append(session, Event("reset")), drafts=())


def save_draft(session: Session, question_id: str, text: str) -> Session:
    """Keep unfinished reflection text; not an answer, so not part of the history."""
    drafts = dict(session.drafts)
    drafts[question_id] = text[:MAX_TEXT]
    return dataclasses.replace(session, drafts=tuple(sorted(drafts.items())))
