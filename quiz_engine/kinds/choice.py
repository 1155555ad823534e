"""What the kinds answered by choosing among written options share (single, multiple, branching)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..base.markup import Markup, join
from ..base.model import KeyPoint, Option, Question, Quiz
from ..base.widgets import choice, fieldset
from .base import ONE_BEST, Kind
from .editing import Editing, Field
from .parts import PLACEHOLDER, check_unique

if TYPE_CHECKING:
    from ..base.errors import KeyPath, Table
    from .answers import Attempt
    from .protocols import Reader, Words

OPTION_KEYS = ("id", "text", "correct", "credit", "feedback", "consequence", "next")
# An option as the editor asks for it: one best answer, part credit for the others.
OPTION_FIELDS = (
    Field("id", "id", "editor.field.id", required=True),
    Field("text", "text", "editor.field.option_text", required=True),
    Field("correct", "correct_one", "editor.field.best"),
    Field("credit", "credit", "editor.field.credit"),
    Field("feedback", "text", "editor.field.feedback"),
)


def parse_option(reader: Reader, data: Table, path: KeyPath) -> Option:
    reader.known_keys(data, path, OPTION_KEYS)
    correct = reader.boolean(data, path, "correct", False)
    credit = reader.fraction(data, path, "credit") if "credit" in data else None
    return Option(
        id=reader.identifier(data, path) or "",
        text=reader.text(data, path, "text") or PLACEHOLDER,
        correct=correct,
        credit=1.0 if correct else (credit or 0.0),
        feedback=reader.text(data, path, "feedback", required=False),
        consequence=reader.text(data, path, "consequence", required=False),
        next=reader.string(data, path, "next", "a question id") if "next" in data else None,
    )


class ChoiceKind(Kind):
    """Options written in the file (``[[questions.options]]``), drawn as radio buttons."""

    input_type: ClassVar[str] = "radio"
    legend: ClassVar[str] = "question.legend_single"
    guessing = ONE_BEST
    editing = Editing("options", "editor.item.option", OPTION_FIELDS)

    def parse_items(
        self, reader: Reader, data: Table, path: KeyPath
    ) -> tuple[tuple[Option, ...], tuple[KeyPoint, ...]]:
        tables = reader.tables(data, path, "options", "options")
        options = tuple(
            parse_option(reader, table, (*path, "options", n))
            for n, table in enumerate(tables, start=1)
        )
        return options, ()

    def check(self, reader: Reader, data: Table, path: KeyPath, question: Question) -> None:
        options = question.options
        if len(options) == 1:
            reader.problem((*path, "options"), "a question needs at least two options. Add one.")
        check_unique(reader, path, "options", [o.id for o in options])
        raw: list[Table] = data["options"] if isinstance(data.get("options"), list) else []
        for n, (option, table) in enumerate(zip(options, raw, strict=False), start=1):
            self.check_option(reader, (*path, "options", n), option, table)
        self.check_right_answers(reader, path, question)

    def check_option(self, reader: Reader, where: KeyPath, option: Option, table: Table) -> None:
        if option.correct and "credit" in table:
            reader.problem(
                (*where, "credit"),
                "a correct option always gets full credit. Remove credit from it.",
            )
        elif "credit" in table and option.credit >= 1.0:
            reader.problem(
                (*where, "credit"), "credit = 1 means fully right: write correct = true instead."
            )
        if not option.correct and option.feedback is None:
            reader.problem(
                (*where, "feedback"),
                "this option is not correct, so it needs feedback: add feedback.nb and "
                "feedback.nn saying why it is wrong.",
            )
        if not self.branches:
            for key in ("next", "consequence"):
                if key in table:
                    reader.problem(
                        (*where, key),
                        f'only options of a branching question can have "{key}". Remove it '
                        'or change the question\'s kind to "branching".',
                    )

    def check_right_answers(self, reader: Reader, path: KeyPath, question: Question) -> None:
        """One best answer: exactly one option is correct."""
        best = [o for o in question.options if o.correct]
        if len(question.options) < 2 or len(best) == 1:
            return
        if not best:
            reader.problem(
                (*path, "options"), "no option is marked correct = true. Mark the best answer."
            )
        else:
            reader.problem(
                (*path, "options"),
                f"{len(best)} options are marked correct = true, but a {self.name} question "
                'has exactly one best answer. Keep one, or use kind = "multiple".',
            )

    def form(
        self,
        words: Words,
        quiz: Quiz,
        question: Question,
        attempt: Attempt | None,
        *,
        editable: bool,
        seed: int,
        draft: str = "",
        revealed: bool = False,
    ) -> Markup:
        chosen = set(attempt.response.choices) if attempt else set()
        return fieldset(
            words.t(self.legend),
            "options",
            join(
                choice(
                    "choice", o.id, words.text(o.text), self.input_type, o.id in chosen, editable
                )
                for o in self.ordered(quiz, question, seed)
            ),
        )
