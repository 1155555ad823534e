"""The kinds of question, one module each, and the registry that finds a question's kind.

``kind_of(question)`` is how the rest of the engine learns what a question does: how it is read
(``parse_quiz``), checked (``question_rules``), graded (``grade`` here), followed (``flow``),
drawn (the views) and exported (``export/``). A new kind is a module with a ``KIND`` and one
line in ``REGISTRY``; a new export format reads each kind's ``export`` description.
"""

from __future__ import annotations

from ..base.model import Question
from . import branching, multiple, reflection, single, traffic_light
from .answers import MAX_TEXT, NO_CHOICE, PARTLY, RIGHT, WRONG, Attempt, Grade, Response, state_of
from .base import LETTERS, Card, Export, Kind
from .protocols import Reader, Words

__all__ = [
    "LETTERS",
    "MAX_TEXT",
    "NO_CHOICE",
    "PARTLY",
    "REGISTRY",
    "RIGHT",
    "WRONG",
    "Attempt",
    "Card",
    "Export",
    "Grade",
    "Kind",
    "Reader",
    "Response",
    "Words",
    "grade",
    "kind_of",
    "response_problem",
    "state_of",
]

REGISTRY: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        single.KIND,
        multiple.KIND,
        traffic_light.KIND,
        reflection.KIND,
        branching.KIND,
    )
}


def kind_of(question: Question) -> Kind:
    """The question's kind (the content checker has made sure it is one of ``REGISTRY``)."""
    return REGISTRY[question.kind]


def response_problem(question: Question, response: Response) -> str | None:
    """Why ``response`` cannot be an answer to ``question``, or ``None`` when it can."""
    return kind_of(question).response_problem(question, response)


def grade(question: Question, response: Response) -> Grade:
    """Grade a valid response (see ``response_problem``)."""
    fraction = kind_of(question).fraction(question, response)
    return Grade(fraction, state_of(fraction))
