"""Saved progress from the previous version (format 1) moves to format 2 with nothing lost.

The files in tests/data/saved/ were written by the engine of the landed build (commit 471787e,
the one on councillors' tablets before this change), the way its shell saved progress: every
address change as a "next" or "back" event. Format 2 keeps only what the councillor did.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz_engine import (
    Catalogue,
    Content,
    check_session,
    load_content,
    play_of,
    progress,
    replay,
    session_from_json,
    session_to_json,
)
from quiz_engine.app import compose
from quiz_engine.run.routing import QUESTION, RESULTS, Route

ROOT = Path(__file__).resolve().parents[2]
SAVED = sorted((ROOT / "tests" / "data" / "saved").glob("v1-*.json"))


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content([ROOT / "scenarios"])


def test_there_are_saved_files() -> None:
    assert len(SAVED) >= 3


@pytest.mark.parametrize("path", SAVED, ids=lambda p: p.stem)
def test_every_answer_and_draft_is_kept(content: Content, path: Path) -> None:
    old = json.loads(path.read_text(encoding="utf-8"))
    assert old["version"] == 1
    session = session_from_json(path.read_text(encoding="utf-8"))
    quiz = content.quiz(session.quiz)
    assert quiz is not None
    check_session(quiz, session)  # today's content still takes it
    done = [e for e in old["history"] if e["action"] not in ("next", "back")]
    assert [e.action for e in session.history] == [e["action"] for e in done]
    for event, before in zip(session.history, done, strict=True):
        if before["action"] == "answer":
            assert event.question == before["question"]
            assert list(event.response.choices) == before["response"]["choices"]
            assert event.response.text == before["response"]["text"]
            assert event.confidence == before.get("confidence")
    assert dict(session.drafts) == old["drafts"]
    assert (session.quiz, session.behaviour, session.seed) == (
        old["quiz"],
        old["behaviour"],
        old["seed"],
    )
    again = json.loads(session_to_json(session))
    assert again["version"] == 2 and session_from_json(json.dumps(again)) == session


def test_a_finished_round_stays_finished_with_its_answers(content: Content) -> None:
    path = next(p for p in SAVED if "finished" in p.name)
    session = session_from_json(path.read_text(encoding="utf-8"))
    quiz = content.quiz(session.quiz)
    assert quiz is not None
    state = replay(quiz, session)
    assert state.finished
    answered = [e.question for e in session.history if e.action == "answer"]
    chosen = [q for q in answered if quiz.question(q).kind != "reflection"]  # type: ignore[union-attr]
    assert chosen and all(state.latest[q].grade.state == "right" for q in chosen)  # best answers
    assert set(answered) <= set(state.latest)
    assert progress(quiz, play_of(quiz, session)).resume == Route(RESULTS, quiz.id)


def test_mid_quiz_progress_resumes_at_the_first_open_question(content: Content) -> None:
    path = next(p for p in SAVED if "immediate-mid" in p.name)
    session = session_from_json(path.read_text(encoding="utf-8"))
    quiz = content.quiz(session.quiz)
    assert quiz is not None
    assert progress(quiz, play_of(quiz, session)).resume == Route(
        QUESTION, quiz.id, 3
    )  # two answered


def test_the_app_opens_old_progress_without_setting_it_aside(
    content: Content, catalogues: dict[str, Catalogue]
) -> None:
    records = {f"session:{json.loads(p.read_text())['quiz']}": p.read_text() for p in SAVED}
    app = compose(content, catalogues, records)
    out = app.boot("#/")
    assert not [k for k in out.writes if k.startswith("aside:")]
    assert app.page.notices == []
    assert set(app.quiz.plays) == {k.removeprefix("session:") for k in records}
