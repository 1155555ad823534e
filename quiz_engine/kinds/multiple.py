"""Select all that apply: (right picks - wrong picks) / right options, never below 0."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base.markup import Markup, html
from ..base.model import Option, Question
from .answers import Response
from .base import PICKS, Export
from .choice import OPTION_FIELDS, ChoiceKind
from .editing import Editing, Field

if TYPE_CHECKING:
    from ..base.errors import KeyPath, Table
    from .answers import Attempt
    from .protocols import Reader, Words


class Multiple(ChoiceKind):
    name = "multiple"
    input_type = "checkbox"
    legend = "question.legend_multiple"
    one_answer = False
    export = Export(weights="picks")
    guessing = PICKS
    # Several right options, and no part credit: the score comes from the picks.
    editing = Editing(
        "options",
        "editor.item.option",
        tuple(
            Field("correct", "correct_many", "editor.field.right") if f.key == "correct" else f
            for f in OPTION_FIELDS
            if f.key != "credit"
        ),
    )

    def check_option(self, reader: Reader, where: KeyPath, option: Option, table: Table) -> None:
        super().check_option(reader, where, option, table)
        if "credit" in table:
            reader.problem(
                (*where, "credit"),
                "multiple-choice options cannot have credit; the score comes from the picks.",
            )

    def check_right_answers(self, reader: Reader, path: KeyPath, question: Question) -> None:
        if question.options and not any(o.correct for o in question.options):
            reader.problem(
                (*path, "options"), "no option is marked correct = true. Mark the right ones."
            )

    def fraction(self, question: Question, response: Response) -> float:
        right = sum(1 for o in question.options if o.correct)
        picked = [question.option(c) for c in response.choices]
        hits = sum(1 for o in picked if o is not None and o.correct)
        misses = len(picked) - hits
        return max(0.0, min(1.0, (hits - misses) / right)) if right else 0.0

    def missed(self, words: Words, question: Question, attempt: Attempt) -> list[Markup]:
        chosen = attempt.response.choices
        missed = [o for o in question.options if o.correct and o.id not in chosen]
        if not missed:
            return []
        return [
            html(
                "<li><strong>{}</strong> {}</li>",
                words.t("feedback.missed"),
                " · ".join(words.text(o.text) for o in missed),
            )
        ]


KIND = Multiple()
