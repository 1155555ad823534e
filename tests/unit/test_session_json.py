"""Saved progress: exact round-trip, and damaged or foreign records refused with a clear error."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz_engine import (
    Content,
    MoveError,
    Response,
    SavedStateError,
    check_session,
    session_from_json,
    session_to_json,
)
from quiz_engine.run import fold
from quiz_engine.run import play as moves
from quiz_engine.run.session import Session


def random_session(quiz, draw) -> Session:  # type: ignore[no-untyped-def]
    s = moves.start(
        quiz, draw(st.sampled_from(["immediate", "deferred"])), draw(st.integers(0, 2**31))
    )
    for _ in range(draw(st.integers(0, 25))):
        action = draw(
            st.sampled_from(["answer", "answer", "answer", "finish", "retry", "reset", "draft"])
        )
        try:
            if action == "answer":
                state = s.state
                q = quiz.question(draw(st.sampled_from(state.path)))
                if q.kind == "reflection":
                    resp = Response(
                        text=draw(st.text(max_size=30)),
                        ticked=tuple(draw(st.sets(st.sampled_from([p.id for p in q.key_points])))),
                    )
                else:
                    ids = [o.id for o in q.options]
                    chosen = draw(
                        st.sets(
                            st.sampled_from(ids),
                            min_size=1,
                            max_size=len(ids) if q.kind == "multiple" else 1,
                        )
                    )
                    resp = Response(choices=tuple(sorted(chosen)))
                s = moves.answer(
                    quiz, s, q.id, resp, draw(st.sampled_from([1, 2, 3])) if q.confidence else None
                )
            elif action == "draft":
                s = moves.save_draft(s, "refleksjon", draw(st.text(max_size=20)))
            else:
                step = {
                    "finish": moves.finish,
                    "retry": moves.retry,
                    "reset": moves.reset,
                }[action]
                s = step(quiz, s)
        except MoveError:
            pass
    return s.session


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_session_state_round_trips_exactly(example: Content, data: st.DataObject) -> None:
    quiz = example.quizzes[0]
    session = random_session(quiz, data.draw)
    text = session_to_json(session)
    again = session_from_json(text)
    assert again == session
    assert session_to_json(again) == text
    assert fold.replay(quiz, again) == fold.replay(quiz, session)
    check_session(quiz, again)


def saved(example: Content) -> dict:  # type: ignore[type-arg]
    quiz = example.quizzes[0]
    s = moves.answer(quiz, moves.start(quiz), "invitasjon", Response(choices=("nei",)))
    return json.loads(session_to_json(s.session))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d.update(version=3), "unknown version 3"),
        (lambda d: d["history"].append({"action": "next"}), "event 2 is damaged"),  # v1 only
        (lambda d: d.update(format="other"), "not a quiz session"),
        (lambda d: d.pop("seed"), "wrong fields"),
        (lambda d: d.update(seed="7"), "damaged header"),
        (lambda d: d.update(behaviour="sometimes"), "damaged header"),
        (lambda d: d["history"].append({"action": "jump"}), "event 2 is damaged"),
        (lambda d: d["history"][0].update(extra=1), "unknown fields"),
        (lambda d: d["history"][0].update(confidence=9), "event 1 is damaged"),
        (
            lambda d: d["history"][0]["response"].update(choices="nei"),
            "answer in event 1 is damaged",
        ),
        (lambda d: d["history"][0].pop("response"), "answer 1 is incomplete"),
        (lambda d: d.update(drafts=[]), "damaged history"),
    ],
)
def test_damaged_progress_is_refused(example: Content, damage, message: str) -> None:  # type: ignore[no-untyped-def]
    data = saved(example)
    damage(data)
    with pytest.raises(SavedStateError, match=message):
        session_from_json(json.dumps(data))


@pytest.mark.parametrize("text", ["", "{", "null", "[]", '"x"', "1e999999", "[" * 100000])
def test_garbage_is_refused(text: str) -> None:
    with pytest.raises(SavedStateError):
        session_from_json(text)


def test_progress_for_changed_content_is_refused(example: Content) -> None:
    quiz = example.quizzes[0]
    session = session_from_json(json.dumps(saved(example)))
    check_session(quiz, session)
    shorter = dataclasses.replace(quiz, questions=quiz.questions[1:])
    with pytest.raises(SavedStateError, match="no longer fits"):
        check_session(shorter, session)
    with pytest.raises(SavedStateError, match="belongs to"):
        check_session(dataclasses.replace(quiz, id="annen"), session)
