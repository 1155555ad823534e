"""Walkthroughs that read like a script: start, answer, finish, check the mark."""

from __future__ import annotations

import pytest

from quiz_engine import (
    Content,
    MoveError,
    Response,
    answer,
    feedback_visible,
    finish,
    may_show,
    reset,
    result,
    retry,
    start,
)
from quiz_engine.run.scoring import cbm_mark


def pick(*choices: str) -> Response:
    return Response(choices=choices)


def test_immediate_feedback_story_where_the_councillor_says_no(example: Content) -> None:
    quiz = example.quizzes[0]
    s = start(quiz, "immediate", seed=1)
    state = s.state
    assert state.path == ("invitasjon", "habil", "lys", "refleksjon")

    s = answer(quiz, s, "invitasjon", pick("nei"))
    state = s.state
    assert feedback_visible(s, "invitasjon")
    assert state.answers["invitasjon"].grade.state == "right"

    assert s.state.first_open() == 1  # "habil", the second question, is next
    s = answer(quiz, s, "habil", pick("part", "sosken"), confidence=3)
    s = answer(quiz, s, "lys", pick("yellow"))
    s = answer(quiz, s, "refleksjon", Response(text="Jeg sier nei.", ticked=("vis-videre",)))
    s = finish(quiz, s)

    outcome = result(quiz, s.state)
    assert [i.question.id for i in outcome.items] == ["invitasjon", "habil", "lys", "refleksjon"]
    assert outcome.percent == pytest.approx(100 * 2.5 / 3)  # the reflection is not scored
    assert outcome.passed
    assert outcome.band is not None and outcome.band.low == 60
    assert [(c.level, c.answered, c.right) for c in outcome.calibration] == [(3, 1, 1)]
    assert outcome.cbm_average == 3.0


def test_saying_yes_leads_to_the_consequence_question(example: Content) -> None:
    quiz = example.quizzes[0]
    s = answer(quiz, start(quiz), "invitasjon", pick("ja"))
    state = s.state
    assert state.path == ("invitasjon", "etter-middagen", "habil", "lys", "refleksjon")
    assert state.answers["invitasjon"].grade.state == "wrong"
    s = answer(quiz, s, "etter-middagen", pick("meld"))
    assert s.state.answers["etter-middagen"].grade.fraction == 1.0


@pytest.mark.parametrize(
    ("choices", "fraction", "state"),
    [
        (("part", "sosken"), 1.0, "right"),
        (("part",), 0.5, "partly"),
        (("part", "sosken", "fetter"), 0.5, "partly"),
        (("part", "fetter"), 0.0, "wrong"),
        (("fetter",), 0.0, "wrong"),  # never below zero
    ],
)
def test_multiple_choice_gives_partial_credit_never_below_zero(
    example: Content, choices: tuple[str, ...], fraction: float, state: str
) -> None:
    quiz = example.quizzes[0]
    s = answer(quiz, start(quiz), "invitasjon", pick("nei"))
    s = answer(quiz, s, "habil", pick(*choices), confidence=2)
    grade = s.state.answers["habil"].grade
    assert (grade.fraction, grade.state) == (fraction, state)


@pytest.mark.parametrize(
    ("light", "fraction", "state"),
    [("red", 1.0, "right"), ("yellow", 0.5, "partly"), ("green", 0.0, "wrong")],
)
def test_traffic_light_gives_credit_per_light(
    example: Content, light: str, fraction: float, state: str
) -> None:
    quiz = example.quizzes[0]
    s = start(quiz, "deferred")
    s = answer(quiz, s, "invitasjon", pick("nei"))
    s = answer(quiz, s, "lys", pick(light))
    grade = s.state.answers["lys"].grade
    assert (grade.fraction, grade.state) == (fraction, state)


def test_deferred_feedback_waits_for_finish_and_answers_can_change(example: Content) -> None:
    quiz = example.quizzes[0]
    s = start(quiz, "deferred")
    s = answer(quiz, s, "invitasjon", pick("ja"))
    assert not feedback_visible(s, "invitasjon")
    s = answer(quiz, s, "invitasjon", pick("nei"))  # changed their mind
    state = s.state
    assert state.path[1] == "habil"
    s = finish(quiz, s)
    state = s.state
    assert feedback_visible(s, "invitasjon")
    outcome = result(quiz, state)
    assert outcome.items[0].grade.state == "right"
    assert outcome.percent == pytest.approx(100 / 3)  # two scored questions unanswered
    assert not outcome.passed


def test_retry_the_ones_i_got_wrong(example: Content) -> None:
    quiz = example.quizzes[0]
    s = answer(quiz, start(quiz), "invitasjon", pick("nei"))
    s = answer(quiz, s, "habil", pick("fetter"), confidence=1)
    s = answer(quiz, s, "lys", pick("green"))
    s = answer(quiz, s, "refleksjon", Response(text="Nei."))
    s = finish(quiz, s)
    assert result(quiz, s.state).percent == pytest.approx(100 / 3)

    s = retry(quiz, s)
    state = s.state
    assert state.is_retry and state.path == ("habil", "lys")
    s = answer(quiz, s, "habil", pick("part", "sosken"), confidence=3)
    s = answer(quiz, s, "lys", pick("red"))
    s = finish(quiz, s)
    outcome = result(quiz, s.state)
    assert outcome.percent == 100.0
    with pytest.raises(MoveError):
        retry(quiz, s)  # nothing wrong any more


def test_reset_starts_over_but_keeps_the_history(example: Content) -> None:
    quiz = example.quizzes[0]
    s = answer(quiz, start(quiz), "invitasjon", pick("ja"))
    s = reset(quiz, s)
    state = s.state
    assert state.answers == {} and state.latest == {} and state.first_open() == 0
    assert [e.action for e in s.session.history] == ["answer", "reset"]


def test_moves_that_are_not_allowed(example: Content) -> None:
    quiz = example.quizzes[0]
    s = answer(quiz, start(quiz), "invitasjon", pick("nei"))
    with pytest.raises(MoveError):
        answer(quiz, s, "invitasjon", pick("ja"))  # immediate: the answer is given
    with pytest.raises(MoveError, match="how sure"):
        answer(quiz, s, "habil", pick("part"))
    with pytest.raises(MoveError):
        answer(quiz, s, "habil", pick("nope"), confidence=1)
    with pytest.raises(MoveError):
        answer(quiz, s, "etter-middagen", pick("meld"))  # not on this story's path
    with pytest.raises(MoveError):
        answer(quiz, s, "habil", Response(text="x" * 5000, choices=("part",)), confidence=1)
    with pytest.raises(MoveError, match="cannot be answered now"):
        answer(quiz, s, "lys", pick("red"))  # immediate: no skipping ahead
    assert may_show(s, 1) and not may_show(s, 2)  # "lys" is not open yet
    with pytest.raises(MoveError, match="answer every question first"):
        finish(quiz, s)  # immediate: not with questions left unanswered
    s = answer(quiz, s, "habil", pick("part", "sosken"), confidence=2)
    s = answer(quiz, s, "lys", pick("red"))
    s = answer(quiz, s, "refleksjon", Response(text="Nei."))
    s = finish(quiz, s)
    with pytest.raises(MoveError):
        answer(quiz, s, "habil", pick("part"), confidence=1)
    with pytest.raises(MoveError):
        finish(quiz, s)


def test_cbm_marks_follow_moodle() -> None:
    assert [cbm_mark(c, 1.0) for c in (1, 2, 3)] == [1.0, 2.0, 3.0]
    assert [cbm_mark(c, 0.0) for c in (1, 2, 3)] == [0.0, -2.0, -6.0]
    assert cbm_mark(3, 0.5) == -1.5
