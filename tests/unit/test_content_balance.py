"""The real content cannot be passed by guessing: length, position and "always red" give nothing away.

Each measure is computed over the bokmål text of every quiz in ``scenarios/`` and must stay inside
the bound the content review set (issue: "Content a clever guesser cannot pass"). The measures
and bounds live in the engine (``quiz_engine/content/guessing.py``), where the editor shows the
same figures for the quiz being written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_engine import Content, Question, load_content
from quiz_engine.content import guessing as g
from quiz_engine.kinds.base import LIGHTS, ONE_BEST, PICKS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content([ROOT / "scenarios"])


def questions(content: Content, how: str) -> list[Question]:
    found = g.guessed((q for quiz in content.quizzes for q in quiz.questions), how)
    assert found, f"no {how} questions in the content"
    return found


def test_the_groups_are_the_kinds_the_tests_were_written_for(content: Content) -> None:
    kinds = {how: {q.kind for q in questions(content, how)} for how in (ONE_BEST, PICKS, LIGHTS)}
    assert kinds == {
        ONE_BEST: {"single", "branching"},
        PICKS: {"multiple"},
        LIGHTS: {"traffic_light"},
    }


def test_the_right_single_answer_is_seldom_the_longest(content: Content) -> None:
    found = questions(content, ONE_BEST)
    percent = g.percent([float(g.right_is_strictly_longest(q)) for q in found])
    print(f"single/branching: right option strictly longest in {percent:.0f} % of {len(found)}")
    assert percent <= g.RIGHT_LONGEST_MAX == 30.0


def test_the_longest_multiple_choice_option_is_no_better_than_a_pick_at_random(
    content: Content,
) -> None:
    excess = g.longest_pick_excess(questions(content, PICKS))
    print(f"multiple: longest option right, above the share of right options: {excess:+.1f} points")
    assert excess <= g.LONGEST_PICK_EXCESS_MAX == 10.0


def test_always_red_earns_little(content: Content) -> None:
    found = questions(content, LIGHTS)
    percent = g.percent([g.light_credit(q, "red") for q in found])
    best = {
        light: sum(g.best_light(q) == light for q in found) for light in ("red", "yellow", "green")
    }
    print(f"traffic lights: always red earns {percent:.0f} %; best light {best}")
    assert percent <= g.ALWAYS_ONE_LIGHT_MAX == 45.0


def test_the_right_option_is_not_usually_first_in_the_file(content: Content) -> None:
    found = questions(content, ONE_BEST)
    percent = g.percent([float(g.right_is_first(q)) for q in found])
    print(f"single/branching: right option first in file order in {percent:.0f} % of {len(found)}")
    assert percent <= g.RIGHT_FIRST_MAX == 40.0


def test_every_measure_over_the_whole_content_is_within_its_bound(content: Content) -> None:
    found = g.measures([q for quiz in content.quizzes for q in quiz.questions])
    assert len(found) == 2 + len(g.WORD_STRATEGIES) + 1 + 3 + len(g.LIGHT_STRATEGIES)
    assert [m.key for m in found if not m.within] == []
