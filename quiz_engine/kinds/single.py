"""Single choice: one best answer among written options, graded by the chosen option's credit."""

from __future__ import annotations

from .choice import ChoiceKind


class Single(ChoiceKind):
    name = "single"


KIND = Single()
