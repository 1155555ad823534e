"""Moodle's grades for the options of a multichoice question, per kind of question.

Moodle stores an option's grade as a fraction and, on import, accepts only its own list
(``question_bank::fraction_options_full()`` in ``question/engine/bank.php``), within 0.00001
(``match_grade_options`` in ``lib/questionlib.php``, "Error if grade not listed", the default).
So every fraction we write is one of that list, printed with five decimals of a percent.

Where Moodle's grading differs from ours:

- single, branching and traffic light: Moodle gives the chosen option's fraction, as we give its
  credit. A credit that is not in Moodle's list (0.35, say) is rounded to the nearest grade
  there (0.3333333); the content uses 0, 0.5 and 1, which are exact.
- multiple: our engine gives ``(right picks - wrong picks) / right options``, clamped to 0..1.
  Moodle's multiple-answer multichoice adds the fractions of the picked options and clamps the
  sum to 0..1, so +1/right for a right option and -1/right for a wrong one is the same rule.
  1/right is in Moodle's list for 1 to 10 right options (and 20); beyond that it is rounded and
  the right options no longer add up to 100 %, which Moodle refuses on import. Three right
  options give 33.33333 % each: all three add up to 0.9999999, which Moodle counts as right.
  Moodle also accepts an empty answer (0), where our engine asks for a choice first.
- reflection: no options; see the format modules (an essay, graded by hand in Moodle).
"""

from __future__ import annotations

from ..base.model import Question
from ..kinds import Export

_LISTED = (
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
    0.0,
)
MOODLE_FRACTIONS = tuple(sorted({*_LISTED, *(-f for f in _LISTED)}, reverse=True))


def nearest(fraction: float) -> float:
    """The grade in Moodle's list closest to ``fraction``: ``nearest(1 / 3) == 0.3333333``."""
    return min(MOODLE_FRACTIONS, key=lambda listed: abs(listed - fraction))


def by_credit(question: Question) -> tuple[float, ...]:
    """One best answer (single, branching, traffic light): each option's credit."""
    return tuple(nearest(o.credit) for o in question.options)


def by_picks(question: Question) -> tuple[float, ...]:
    """Select all that apply (multiple): +1/right for a right option, -1/right for a wrong one."""
    right = sum(1 for o in question.options if o.correct)
    share = nearest(1 / right) if right else 0.0
    return tuple(share if o.correct else -share for o in question.options)


def weights(question: Question, shape: Export) -> tuple[float, ...]:
    """The options' grades as the kind's export says: by credit or by picks."""
    return by_picks(question) if shape.weights == "picks" else by_credit(question)


def percent(fraction: float) -> str:
    """A fraction as Moodle writes a weight: ``percent(0.3333333) == "33.33333"``."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
