"""Saved progress: a session as versioned JSON, and back, exactly.

Loading is strict: anything unexpected raises ``SavedStateError`` and nothing is half-loaded.
Older versions are migrated, one function per version step, with nothing the councillor did
lost: version 1 also kept "next" and "back" events (where they browsed), which version 2 leaves
to the address.
"""

from __future__ import annotations

import json
from typing import Any

from ..base.bounded import Refused, json_value
from ..base.errors import SavedStateError
from ..base.model import Quiz
from ..kinds import MAX_TEXT, Response, response_problem
from .behaviours import BEHAVIOURS
from .fold import State, replay
from .session import ACTIONS, CERTAINTIES, Event, Session

FORMAT = "folkevalgt-quiz/session"
VERSION = 2
# Events each version may hold; a migration turns version N into version N + 1.
_ACTIONS_OF = {1: (*ACTIONS, "next", "back"), 2: ACTIONS}


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
        data = json_value(text)
    except Refused as error:
        raise SavedStateError(f"saved progress is not valid JSON: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SavedStateError("saved progress is not a quiz session")
    version = data.get("version")
    if type(version) is not int or version not in _ACTIONS_OF:
        raise SavedStateError(f"saved progress has unknown version {version!r}")
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
    actions = _ACTIONS_OF[version]
    events = tuple(_event_from_dict(e, n, actions) for n, e in enumerate(history, start=1))
    while version < VERSION:
        events, version = _MIGRATIONS[version](events), version + 1
    return Session(quiz, behaviour, seed, events, tuple(sorted(drafts.items())))


def _from_1(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Version 1 -> 2: where the councillor browsed ("next", "back") is the address now."""
    return tuple(e for e in events if e.action not in ("next", "back"))


_MIGRATIONS = {1: _from_1}


def _event_from_dict(data: Any, n: int, actions: tuple[str, ...]) -> Event:
    if not isinstance(data, dict) or data.get("action") not in actions:
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


def check_session(quiz: Quiz, session: Session) -> State:
    """Make sure saved progress still fits the content (a question may have been removed).

    Every answer must name a question the quiz still has and be a valid answer to it. The order
    rules of a behaviour (no skipping ahead, finish when all is answered) are not asked again:
    a content update that adds a question must not cost a councillor a finished round.
    Returns where the session stands, folded once.
    """
    if session.quiz != quiz.id:
        raise SavedStateError(f"saved progress belongs to {session.quiz!r}, not {quiz.id!r}")
    for n, event in enumerate(session.history, start=1):
        if event.action != "answer" or event.response is None:
            continue
        question = quiz.question(event.question)
        problem = (
            f"no question {event.question!r}"
            if question is None
            else response_problem(question, event.response)
        )
        if problem is None and question is not None:
            if bool(question.confidence) != (event.confidence is not None):
                problem = "how sure you are does not fit the question"
            elif len(event.response.text) > MAX_TEXT:
                problem = "the text is too long"
        if problem:
            raise SavedStateError(
                f"saved progress no longer fits the content: answer {n}: {problem}"
            )
    return replay(quiz, session)
