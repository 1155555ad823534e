"""Immediate feedback: each answer is graded and explained at once, then fixed.

The councillor goes question by question: no skipping ahead past the first unanswered one, and
the round finishes only when every question on the path is answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Behaviour

if TYPE_CHECKING:
    from ..fold import State

IMMEDIATE = "immediate"


class Immediate(Behaviour):
    name = IMMEDIATE

    def may_show(self, state: State, index: int) -> bool:
        return super().may_show(state, index) and (state.finished or index <= state.first_open())

    def can_answer(self, state: State, question_id: str) -> bool:
        return (
            super().can_answer(state, question_id)
            and question_id not in state.answers
            and self.may_show(state, state.path.index(question_id))
        )

    def feedback_visible(self, state: State, question_id: str) -> bool:
        return question_id in state.answers or state.finished

    def can_finish(self, state: State) -> bool:
        return super().can_finish(state) and state.first_open() == len(state.path)
