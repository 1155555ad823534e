"""What is right: each kind of question grades a response to a fraction and a state.

Knows nothing about when feedback is shown; that is the session's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Question

RIGHT, PARTLY, WRONG = "right", "partly", "wrong"
_EPSILON = 1e-9


@dataclass(frozen=True)
class Response:
    """A councillor's answer. ``choices`` holds option (or light) ids; reflection uses the rest."""

    choices: tuple[str, ...] = ()
    text: str = ""
    ticked: tuple[str, ...] = ()


@dataclass(frozen=True)
class Grade:
    fraction: float
    state: str


def state_of(fraction: float) -> str:
    if fraction >= 1.0 - _EPSILON:
        return RIGHT
    return WRONG if fraction <= _EPSILON else PARTLY


def response_problem(question: Question, response: Response) -> str | None:
    """Why ``response`` cannot be an answer to ``question``, or ``None`` when it can."""
    if question.kind == "reflection":
        points = {p.id for p in question.key_points}
        unknown = [t for t in response.ticked if t not in points]
        if unknown or len(set(response.ticked)) != len(response.ticked):
            return f"unknown or repeated key points: {unknown or list(response.ticked)}"
        return None if not response.choices else "a reflection has no options"
    ids = {o.id for o in question.options}
    if not response.choices:
        return "no option chosen"
    if any(c not in ids for c in response.choices):
        return f"unknown option in {list(response.choices)}"
    if len(set(response.choices)) != len(response.choices):
        return "an option is chosen twice"
    if question.kind != "multiple" and len(response.choices) != 1:
        return "exactly one option must be chosen"
    return None


def grade(question: Question, response: Response) -> Grade:
    """Grade a valid response (see ``response_problem``)."""
    if question.kind == "reflection":
        total = len(question.key_points)
        fraction = len(set(response.ticked)) / total if total else 1.0
    elif question.kind == "multiple":
        right = sum(1 for o in question.options if o.correct)
        picked = [question.option(c) for c in response.choices]
        hits = sum(1 for o in picked if o is not None and o.correct)
        misses = len(picked) - hits
        fraction = max(0.0, min(1.0, (hits - misses) / right)) if right else 0.0
    else:
        option = question.option(response.choices[0]) if response.choices else None
        fraction = option.credit if option is not None else 0.0
    return Grade(fraction, state_of(fraction))
