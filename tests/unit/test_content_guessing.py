"""No simple rule of words, and no habit of one light, passes the real content.

Issue 22 ("Traffic lights a guess cannot carry"): a councillor who guesses by a fixed rule must
not do well. Each strategy is deterministic: where it cannot choose between options it takes
the average credit over the tie (a guesser picking at random among them). The figures are
printed (``pytest -s``) so a content editor sees how close the content is to each bound.

The word lists and strategies live in the engine (``quiz_engine/content/guessing.py``), so the
editor shows a writer the same figures for the quiz being written. They were written before the
content was reworded against them and must not be tuned to pass: a prompt is reworded, not the
list. Only the bokmål text is read, as in ``test_content_balance.py``; the nynorsk text says the
same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_engine import Content, Question, load_content
from quiz_engine.content.guessing import (
    ABSOLUTE,
    ALWAYS_ONE_LIGHT_MAX,
    GREEN_CUES,
    HEDGES,
    LIGHT_STRATEGIES,
    LIGHT_STRATEGY_MAX,
    WORD_STRATEGIES,
    WORD_STRATEGY_MAX,
    best_light,
    count,
    guessed,
    light_credit,
    mean_over,
    odd_light_credits,
    opposite_light_earns,
    percent,
    silent_half_lights,
)
from quiz_engine.kinds.base import LIGHTS as BY_LIGHT
from quiz_engine.kinds.base import ONE_BEST

ROOT = Path(__file__).resolve().parents[2]
LIGHTS = ("red", "yellow", "green")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content([ROOT / "scenarios"])


def questions(content: Content, how: str) -> list[Question]:
    found = guessed((q for quiz in content.quizzes for q in quiz.questions), how)
    assert found, f"no {how} questions in the content"
    return found


def test_the_word_lists_are_the_ones_the_content_was_reviewed_against() -> None:
    assert ABSOLUTE[:3] == ("alltid", "aldri", "bare") and len(ABSOLUTE) == 10
    assert len(HEDGES) == 16 and len(GREEN_CUES) == 15
    assert (ALWAYS_ONE_LIGHT_MAX, LIGHT_STRATEGY_MAX, WORD_STRATEGY_MAX) == (45.0, 45.0, 35.0)


def test_the_helpers_count_whole_words_and_phrases() -> None:
    assert count("Du må si fra. Alle må det.", ABSOLUTE) == 3
    assert count("Måten du gjør det på", ABSOLUTE) == 0
    assert count("Det kommer an på, og som regel går det", HEDGES) == 2
    assert count("Hun sier fra åpent", GREEN_CUES) == 2


@pytest.mark.parametrize("name", LIGHTS)
def test_always_one_light_earns_little(content: Content, name: str) -> None:
    found = questions(content, BY_LIGHT)
    earned = percent([light_credit(q, name) for q in found])
    best = sum(best_light(q) == name for q in found)
    print(
        f"traffic lights: always {name} earns {earned:.1f} % ({name} best in {best} of {len(found)})"
    )
    assert earned <= ALWAYS_ONE_LIGHT_MAX


@pytest.mark.parametrize("name", list(LIGHT_STRATEGIES))
def test_cue_words_in_the_prompt_do_not_give_the_light_away(content: Content, name: str) -> None:
    found = questions(content, BY_LIGHT)
    strategy = LIGHT_STRATEGIES[name]
    earned = percent([light_credit(q, strategy(q)) for q in found])
    print(f"traffic lights: {name}: {earned:.1f} % over {len(found)}")
    assert earned <= LIGHT_STRATEGY_MAX


@pytest.mark.parametrize("name", list(WORD_STRATEGIES))
def test_no_rule_of_words_passes_the_single_choice_questions(content: Content, name: str) -> None:
    found = questions(content, ONE_BEST)
    strategy = WORD_STRATEGIES[name]
    earned = percent([mean_over(strategy(q)) for q in found])
    chance = percent([mean_over(q.options) for q in found])
    print(f"single/branching: {name}: {earned:.1f} % (a pick at random: {chance:.1f} %)")
    assert earned <= WORD_STRATEGY_MAX


def test_the_opposite_of_the_best_light_earns_nothing(content: Content) -> None:
    found = [q for q in questions(content, BY_LIGHT) if best_light(q) in ("red", "green")]
    assert found, "no traffic light has red or green as its best light"
    wrong = [q.id for q in found if opposite_light_earns(q)]
    assert not wrong, f"the light opposite the best one earns credit in {wrong}"


def test_partial_credit_for_a_light_is_a_half_for_a_neighbour_or_nothing(content: Content) -> None:
    odd = [
        f"{q.id}:{light}" for q in questions(content, BY_LIGHT) for light in odd_light_credits(q)
    ]
    assert not odd, f"a light that is not the best earns neither 0 nor 0.5: {odd}"


def test_every_half_credit_light_says_why(content: Content) -> None:
    found = questions(content, BY_LIGHT)
    halves = [(q, o) for q in found for o in q.options if not o.correct and o.credit == 0.5]
    print(f"traffic lights: {len(halves)} lights earn half credit")
    assert halves, "no light earns half credit: this check would pass without checking anything"
    silent = [f"{q.id}:{light}:{lang}" for q in found for light, lang in silent_half_lights(q)]
    assert not silent, (
        f"a half-credit light without its own feedback or not named in the explanation: {silent}"
    )
