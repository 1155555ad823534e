"""The controller, driven as the page drives it: messages in, what to draw and store out."""

from __future__ import annotations

import json

import pytest

from quiz_engine import Catalogue, Content, session_from_json
from quiz_engine.app import App, compose
from quiz_engine.app.effects import Output

QUIZ = "#/s/eksempel"


def app(
    example: Content,
    catalogues: dict[str, Catalogue],
    records: dict[str, str] | None = None,
    persistent: bool = True,
) -> App:
    return compose(example, catalogues, records or {}, persistent, now=1700)


def send(controller: App, **message: object) -> Output:
    # Through JSON both ways, exactly as the worker boundary does.
    out = controller.dispatch(json.loads(json.dumps(message)))
    return Output(**json.loads(out.to_json()))


def test_a_whole_story_in_immediate_mode(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    c = app(example, catalogues)
    first = c.boot("#/")
    assert first.rendered == "#/" and catalogues["nb"]("home.title") in (first.page or "")
    assert first.focus is None  # the first drawing leaves focus where the browser put it

    out = send(
        c, type="click", address=QUIZ, action="start", data={"behaviour": "immediate"}, seed=4
    )
    assert out.go == f"{QUIZ}/1"
    saved = session_from_json(out.writes["session:eksempel"] or "")
    assert saved.behaviour == "immediate" and saved.seed == 4
    assert out.writes["last"] == "eksempel"

    shown = send(c, type="show", address=f"{QUIZ}/1")
    assert shown.rendered == f"{QUIZ}/1" and shown.focus == "#main h1"
    assert 'data-question="invitasjon"' in (shown.page or "")

    answered = send(
        c, type="submit", address=f"{QUIZ}/1", form={"question": "invitasjon", "choices": ["nei"]}
    )
    assert answered.focus == "#feedback-heading"
    assert answered.announce  # the grade is read out
    assert 'id="feedback-heading"' in (answered.page or "")
    assert "session:eksempel" in answered.writes


def test_immediate_mode_refuses_to_skip_ahead(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    c = app(example, catalogues)
    send(c, type="click", address=QUIZ, action="start", data={"behaviour": "immediate"})
    out = send(c, type="show", address=f"{QUIZ}/3")
    assert out.redirect == f"{QUIZ}/1"  # the first unanswered question, not the third
    refused = send(c, type="click", address=f"{QUIZ}/1", action="finish")
    assert refused.go is None and "session:eksempel" not in refused.writes  # nothing answered
    assert refused.rendered == f"{QUIZ}/1"  # the same question, drawn again
    # An answer cannot be changed once its feedback has been shown.
    send(c, type="submit", address=f"{QUIZ}/1", form={"question": "invitasjon", "choices": ["nei"]})
    again = send(
        c, type="submit", address=f"{QUIZ}/1", form={"question": "invitasjon", "choices": ["ja"]}
    )
    assert "session:eksempel" not in again.writes


def test_deferred_mode_lets_the_councillor_move_freely(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    c = app(example, catalogues)
    send(c, type="click", address=QUIZ, action="start", data={"behaviour": "deferred"})
    out = send(c, type="show", address=f"{QUIZ}/3")
    assert out.redirect is None and out.rendered == f"{QUIZ}/3"


def test_the_form_says_what_is_missing(example: Content, catalogues: dict[str, Catalogue]) -> None:
    c = app(example, catalogues)
    send(c, type="click", address=QUIZ, action="start", data={"behaviour": "immediate"})
    out = send(
        c, type="submit", address=f"{QUIZ}/1", form={"question": "invitasjon", "choices": []}
    )
    assert out.form_error == catalogues["nb"]("question.choose_answer")
    assert out.writes == {} and out.page is None


def test_damaged_progress_is_set_aside_not_dropped(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    c = app(example, catalogues, {"session:eksempel": '{"format": "broken'})
    out = c.boot(QUIZ)
    assert out.writes["aside:eksempel:1700"] == '{"format": "broken'
    assert out.writes["session:eksempel"] is None
    assert "notice" in (out.notices or "")


def test_storage_that_does_not_work_is_said_once(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    c = app(example, catalogues, persistent=False)
    text = catalogues["nb"]("shell.storage_off")
    assert text in (c.boot("#/").notices or "")
    assert (send(c, type="notice", key="shell.storage_off").notices or "").count(text) == 1
    dismissed = send(c, type="dismiss", index=0)
    assert text not in (dismissed.notices or "")


def test_the_language_switch_is_remembered(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    c = app(example, catalogues)
    out = send(c, type="click", address="#/", action="lang", data={"lang": "nn"})
    assert out.writes["lang"] == "nn" and out.lang == "nn"
    assert out.focus == '[data-lang="nn"]'
    assert app(example, catalogues, {"lang": "nn"}).boot("#/").lang == "nn"


def test_another_tabs_progress_is_taken_over_without_saving(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    other = app(example, catalogues)
    started = send(
        other, type="click", address=QUIZ, action="start", data={"behaviour": "immediate"}
    )
    raw = started.writes["session:eksempel"]
    c = app(example, catalogues)
    c.boot("#/")
    out = send(c, type="stored", address="#/", key="session:eksempel", value=raw)
    assert out.writes == {}  # re-drawn, never written back (the tabs would argue for ever)
    assert "eksempel" in c.quiz.plays
    gone = send(c, type="stored", address="#/", key="session:eksempel", value=None)
    assert gone.writes == {} and "eksempel" not in c.quiz.plays


def test_text_typed_just_before_a_reload_is_kept(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    first = app(example, catalogues)
    started = send(
        first, type="click", address=QUIZ, action="start", data={"behaviour": "deferred"}
    )
    pending = json.dumps(
        {"address": f"{QUIZ}/4", "question": "refleksjon", "text": "Jeg sier nei."}
    )
    records = {
        "session:eksempel": started.writes["session:eksempel"] or "",
        "pending-draft": pending,
    }
    out = app(example, catalogues, records).boot(f"{QUIZ}/4")
    assert out.writes["pending-draft"] is None
    saved = session_from_json(out.writes["session:eksempel"] or "")
    assert saved.draft("refleksjon") == "Jeg sier nei."


@pytest.mark.parametrize("message", [{}, {"type": "nonsense"}, {"type": "notice", "key": "x"}])
def test_unknown_messages_change_nothing(
    example: Content, catalogues: dict[str, Catalogue], message: dict[str, object]
) -> None:
    assert send(app(example, catalogues), **message) == Output()


def test_each_answer_is_graded_once(
    example: Content, catalogues: dict[str, Catalogue], monkeypatch: pytest.MonkeyPatch
) -> None:
    """State is folded once per event: the n-th answer costs one grade(), not a replay."""
    import quiz_engine.run.fold as moves

    calls = []
    real = moves.grade
    monkeypatch.setattr(moves, "grade", lambda q, r: calls.append(q.id) or real(q, r))
    c = app(example, catalogues)
    send(c, type="click", address=QUIZ, action="start", data={"behaviour": "deferred"})
    answers = [("invitasjon", ["nei"], None), ("habil", ["part"], 2), ("lys", ["red"], None)]
    for n, (question, choices, confidence) in enumerate(answers, start=1):
        before = len(calls)
        send(
            c,
            type="submit",
            address=f"{QUIZ}/{n}",
            form={"question": question, "choices": choices, "confidence": confidence},
        )
        send(c, type="show", address=f"{QUIZ}/{n + 1}")
        assert calls[before:] == [question]
