"""Behaviours: *when* an answer is graded and shown, and which moves are legal, as Moodle's
``question/behaviour``. The kinds (``kinds/``) say what is right; a behaviour says what the
councillor may do next. One module per behaviour, found by its name in ``REGISTRY``.
"""

from __future__ import annotations

from .base import Behaviour
from .deferred import DEFERRED, Deferred
from .immediate import IMMEDIATE, Immediate

REGISTRY: dict[str, Behaviour] = {b.name: b for b in (Immediate(), Deferred())}
BEHAVIOURS = tuple(REGISTRY)


def behaviour_of(name: str) -> Behaviour:
    """The behaviour called ``name`` (a session names one of ``BEHAVIOURS``)."""
    return REGISTRY[name]


__all__ = ["BEHAVIOURS", "DEFERRED", "IMMEDIATE", "REGISTRY", "Behaviour", "behaviour_of"]
