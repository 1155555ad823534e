"""What every behaviour decides, with the rules both behaviours share."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ..fold import State


class Behaviour:
    """When feedback shows and which moves are legal. Subclasses set ``name`` and the rules that
    differ; every rule is asked of the ``State`` folded from a session's history."""

    name: ClassVar[str] = ""
    # The catalogue key of the answer form's button ("Svar" / "Lagre svaret").
    submit_label: ClassVar[str] = "question.submit"

    def may_show(self, state: State, index: int) -> bool:
        """Whether the question at ``index`` on the path may be shown."""
        return 0 <= index < len(state.path)

    def can_answer(self, state: State, question_id: str) -> bool:
        """Whether the question may be answered (or its answer changed) now."""
        return not state.finished and question_id in state.path

    def feedback_visible(self, state: State, question_id: str) -> bool:
        """Whether the grade, the feedback and the explanation of the question show."""
        return state.finished

    def may_go_on(self, state: State, question_id: str) -> bool:
        """Whether the question's screen offers the way on (next, finish, the results)."""
        return self.feedback_visible(state, question_id)

    def can_finish(self, state: State) -> bool:
        """Whether the round may be finished now."""
        return not state.finished
