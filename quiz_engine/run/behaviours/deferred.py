"""Deferred feedback: answers are saved and may be changed; all is graded at the finish.

The councillor moves freely, may finish at any time, and sees grades and explanations only on
the finished round (as Moodle's ``deferredfeedback``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Behaviour

if TYPE_CHECKING:
    from ..fold import State

DEFERRED = "deferred"


class Deferred(Behaviour):
    name = DEFERRED
    submit_label = "question.save"

    def may_go_on(self, state: State, question_id: str) -> bool:
        return True
