"""The real content cannot be passed by guessing: length, position and "always red" give nothing away.

Each measure is computed over the bokmål text of every quiz in ``scenarios/`` and must stay inside
the bound the content review set (issue: "Content a clever guesser cannot pass").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_engine import Content, Question, load_content

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content([ROOT / "scenarios"])


def questions(content: Content, *kinds: str) -> list[Question]:
    found = [q for quiz in content.quizzes for q in quiz.questions if q.kind in kinds]
    assert found, f"no {kinds} questions in the content"
    return found


def right_is_strictly_longest(question: Question) -> bool:
    right = next(o for o in question.options if o.correct)
    others = [len(o.text.nb) for o in question.options if o is not right]
    return len(right.text.nb) > max(others)


def share(flags: list[bool]) -> float:
    return 100.0 * sum(flags) / len(flags)


def test_the_right_single_answer_is_seldom_the_longest(content: Content) -> None:
    found = questions(content, "single", "branching")
    percent = share([right_is_strictly_longest(q) for q in found])
    print(f"single/branching: right option strictly longest in {percent:.0f} % of {len(found)}")
    assert percent <= 30.0


def test_the_longest_multiple_choice_option_is_no_better_than_a_pick_at_random(
    content: Content,
) -> None:
    found = questions(content, "multiple")
    longest_is_right = []
    right_share = []
    for q in found:
        longest = max(q.options, key=lambda o: len(o.text.nb))
        longest_is_right.append(longest.correct)
        right_share.append(sum(o.correct for o in q.options) / len(q.options))
    excess = share(longest_is_right) - 100.0 * sum(right_share) / len(right_share)
    print(f"multiple: longest option right, above the share of right options: {excess:+.1f} points")
    assert excess <= 10.0


def test_always_red_earns_little(content: Content) -> None:
    found = questions(content, "traffic_light")
    credits = [next(o.credit for o in q.options if o.id == "red") for q in found]
    percent = 100.0 * sum(credits) / len(credits)
    best = {
        light: sum(next(o for o in q.options if o.correct).id == light for q in found)
        for light in ("red", "yellow", "green")
    }
    print(f"traffic lights: always red earns {percent:.0f} %; best light {best}")
    assert percent <= 45.0


def test_the_right_option_is_not_usually_first_in_the_file(content: Content) -> None:
    found = questions(content, "single", "branching")
    percent = share([q.options[0].correct for q in found])
    print(f"single/branching: right option first in file order in {percent:.0f} % of {len(found)}")
    assert percent <= 40.0
