"""Saved progress: a session as versioned JSON, and back, exactly.

Loading is strict: anything unexpected raises ``SavedStateError`` and nothing is half-loaded.
"""

from __future__ import annotations

import json
from typing import Any

from . import session as moves
from .errors import SavedStateError
from .kinds import Response
from .model import Quiz
from .session import ACTIONS, BEHAVIOURS, CERTAINTIES, Event, MoveError, Session, replay
from .session import answer as _answer

FORMAT = "folkevalgt-quiz/session"
VERSION = 1


def session_to_json(session: Session) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "quiz": session.quiz,
            "behaviour": session.behaviour,
            "seed": session.seed,
            "history": [_event_to_dict(e) for e in session.history],
            "drafts": dict(session.drafts),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _event_to_dict(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"action": event.action}
    if event.question:
        out["question"] = event.question
    if event.response is not None:
        r = event.response
        out["response"] = {"choices": list(r.choices), "text": r.text, "ticked": list(r.ticked)}
    if event.confidence is not None:
        out["confidence"] = event.confidence
    return out


def session_from_json(text: str) -> Session:
    """Read saved progress; raise ``SavedStateError`` saying what is wrong with it."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError, RecursionError) as error:
        raise SavedStateError(f"saved progress is not valid JSON: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SavedStateError("saved progress is not a quiz session")
    if data.get("version") != VERSION:
        raise SavedStateError(f"saved progress has unknown version {data.get('version')!r}")
    expected = {"format", "version", "quiz", "behaviour", "seed", "history", "drafts"}
    if set(data) != expected:
        raise SavedStateError(f"saved progress has the wrong fields: {sorted(data)}")
    quiz, behaviour, seed = data["quiz"], data["behaviour"], data["seed"]
    if not isinstance(quiz, str) or behaviour not in BEHAVIOURS or type(seed) is not int:
        raise SavedStateError("saved progress has a damaged header")
    history, drafts = data["history"], data["drafts"]
    if not isinstance(history, list) or not isinstance(drafts, dict):
        raise SavedStateError("saved progress has a damaged history")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in drafts.items()):
        raise SavedStateError("saved progress has damaged drafts")
    events = tuple(_event_from_dict(e, n) for n, e in enumerate(history, start=1))
    return Session(quiz, behaviour, seed, events, tuple(sorted(drafts.items())))


def _event_from_dict(data: Any, n: int) -> Event:
    if not isinstance(data, dict) or data.get("action") not in ACTIONS:
        raise SavedStateError(f"saved progress: event {n} is damaged")
    if not set(data) <= {"action", "question", "response", "confidence"}:
        raise SavedStateError(f"saved progress: event {n} has unknown fields")
    question = data.get("question", "")
    confidence = data.get("confidence")
    if not isinstance(question, str) or (
        confidence is not None and (type(confidence) is not int or confidence not in CERTAINTIES)
    ):
        raise SavedStateError(f"saved progress: event {n} is damaged")
    response = None
    if "response" in data:
        response = _response_from_dict(data["response"], n)
    if data["action"] == "answer" and (response is None or not question):
        raise SavedStateError(f"saved progress: answer {n} is incomplete")
    return Event(data["action"], question, response, confidence)


def _response_from_dict(data: Any, n: int) -> Response:
    if not isinstance(data, dict) or set(data) != {"choices", "text", "ticked"}:
        raise SavedStateError(f"saved progress: the answer in event {n} is damaged")
    choices, text, ticked = data["choices"], data["text"], data["ticked"]
    if not (
        isinstance(text, str)
        and isinstance(choices, list)
        and isinstance(ticked, list)
        and all(isinstance(c, str) for c in [*choices, *ticked])
    ):
        raise SavedStateError(f"saved progress: the answer in event {n} is damaged")
    return Response(tuple(choices), text, tuple(ticked))


def check_session(quiz: Quiz, session: Session) -> None:
    """Make sure saved progress still fits the content (a question may have been removed).

    Replays every move through the real transitions, so a session that loads here is one the
    councillor could have produced with today's content.
    """
    if session.quiz != quiz.id:
        raise SavedStateError(f"saved progress belongs to {session.quiz!r}, not {quiz.id!r}")
    rebuilt = Session(session.quiz, session.behaviour, session.seed)
    steps = {
        "next": moves.next_question,
        "back": moves.back,
        "finish": moves.finish,
        "retry": moves.retry,
        "reset": moves.reset,
    }
    try:
        for event in session.history:
            if event.action == "answer" and event.response is not None:
                rebuilt = _answer(quiz, rebuilt, event.question, event.response, event.confidence)
            else:
                rebuilt = steps[event.action](quiz, rebuilt)
    except MoveError as error:
        raise SavedStateError(f"saved progress no longer fits the content: {error}") from None
    replay(quiz, rebuilt)
