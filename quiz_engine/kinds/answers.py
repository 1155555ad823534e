"""What a councillor's answer is, and what it earned: ``Response``, ``Grade`` and ``Attempt``.

The bottom of what a kind knows about a quiz being played: a kind grades a ``Response`` to a
``Grade``, and draws an ``Attempt`` (an answer with its grade) as feedback. The session that
collects attempts lives above, in ``run``.
"""

from __future__ import annotations

from dataclasses import dataclass

RIGHT, PARTLY, WRONG = "right", "partly", "wrong"
MAX_TEXT = 4000  # the longest text a councillor can write in one answer
# Why a response of a kind that needs a choice is refused when none is chosen: the session
# tells the councillor "choose an answer" for this one (run/play.py).
NO_CHOICE = "no option chosen"
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


@dataclass(frozen=True)
class Attempt:
    """One answer to one question, as graded: what the feedback and the results show."""

    question: str
    response: Response
    confidence: int | None
    grade: Grade
    round: int
