"""Each behaviour is one object that decides what the councillor may do: walkthroughs read as a
script, asking the behaviour (not the session) at every step, as Moodle's behaviour tests do."""

from __future__ import annotations

import pytest

from quiz_engine import Content, MoveError, Response, answer, finish, start
from quiz_engine.run.behaviours import BEHAVIOURS, DEFERRED, IMMEDIATE, behaviour_of
from quiz_engine.run.play import Play


def rules(play: Play) -> dict[str, object]:
    """What the play's behaviour allows now, for the first three questions of the path."""
    b, state = play.behaviour, play.state
    return {
        "show": [b.may_show(state, n) for n in range(3)],
        "answer": [b.can_answer(state, q) for q in state.path[:3]],
        "feedback": [b.feedback_visible(state, q) for q in state.path[:3]],
        "go on": [b.may_go_on(state, q) for q in state.path[:3]],
        "finish": b.can_finish(state),
    }


def test_there_are_two_behaviours_each_an_object_with_its_own_button() -> None:
    assert BEHAVIOURS == (IMMEDIATE, DEFERRED)
    assert behaviour_of(IMMEDIATE).submit_label == "question.submit"
    assert behaviour_of(DEFERRED).submit_label == "question.save"


def test_immediate_feedback_walkthrough(example: Content) -> None:
    quiz = example.quizzes[0]
    play = start(quiz, IMMEDIATE, seed=1)
    assert rules(play) == {
        "show": [True, False, False],  # no skipping ahead
        "answer": [True, False, False],
        "feedback": [False, False, False],
        "go on": [False, False, False],
        "finish": False,
    }
    play = answer(quiz, play, "invitasjon", Response(("nei",)))
    assert rules(play) == {
        "show": [True, True, False],
        "answer": [False, True, False],  # an answer given is final
        "feedback": [True, False, False],  # shown at once
        "go on": [True, False, False],
        "finish": False,
    }
    play = answer(quiz, play, "habil", Response(("part", "sosken")), confidence=2)
    play = answer(quiz, play, "lys", Response(("red",)))
    play = answer(quiz, play, "refleksjon", Response(text="Nei."))
    assert rules(play)["finish"] is True
    play = finish(quiz, play)
    assert rules(play) == {
        "show": [True, True, True],
        "answer": [False, False, False],
        "feedback": [True, True, True],
        "go on": [True, True, True],
        "finish": False,
    }


def test_deferred_feedback_walkthrough(example: Content) -> None:
    quiz = example.quizzes[0]
    play = start(quiz, DEFERRED, seed=1)
    assert rules(play) == {
        "show": [True, True, True],  # anywhere
        "answer": [True, True, True],
        "feedback": [False, False, False],
        "go on": [True, True, True],
        "finish": True,  # at any time
    }
    play = answer(quiz, play, "invitasjon", Response(("ja",)))
    play = answer(quiz, play, "invitasjon", Response(("nei",)))  # changed
    assert rules(play)["answer"] == [True, True, True]
    assert rules(play)["feedback"] == [False, False, False]  # not before the finish
    play = finish(quiz, play)
    assert rules(play) == {
        "show": [True, True, True],
        "answer": [False, False, False],
        "feedback": [True, True, True],
        "go on": [True, True, True],
        "finish": False,
    }


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_a_refusal_the_councillor_can_mend_carries_its_catalogue_key(
    example: Content, behaviour: str
) -> None:
    quiz = example.quizzes[0]
    play = answer(quiz, start(quiz, behaviour), "invitasjon", Response(("nei",)))
    with pytest.raises(MoveError) as no_choice:
        answer(quiz, play, "habil", Response(), confidence=2)
    assert no_choice.value.key == "question.choose_answer"
    with pytest.raises(MoveError) as not_sure:
        answer(quiz, play, "habil", Response(("part",)))
    assert not_sure.value.key == "question.choose_confidence"
    with pytest.raises(MoveError) as unknown:
        answer(quiz, play, "habil", Response(("nope",)), confidence=2)
    assert unknown.value.key == ""  # nothing to tell: the screen is drawn as it stands
