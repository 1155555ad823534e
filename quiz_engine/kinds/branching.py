"""A branching question: one best answer, and each option leads the story its own way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base.markup import Markup, html, paragraphs
from ..base.model import Option, Question
from .base import Export
from .choice import OPTION_FIELDS, ChoiceKind
from .editing import Editing, Field

if TYPE_CHECKING:
    from ..base.errors import KeyPath, Table
    from .answers import Attempt
    from .protocols import Reader, Words


class Branching(ChoiceKind):
    name = "branching"
    branches = True
    export = Export(lost="export.branching")
    # Each option says what happens next in the story and where it leads; the question does not.
    editing = Editing(
        "options",
        "editor.item.option",
        (
            *OPTION_FIELDS,
            Field("consequence", "text", "editor.field.consequence"),
            Field("next", "target", "editor.field.leads_to", required=True),
        ),
        question_next=False,
    )

    def check(self, reader: Reader, data: Table, path: KeyPath, question: Question) -> None:
        super().check(reader, data, path, question)
        if "next" in data:
            reader.problem(
                (*path, "next"),
                "a branching question sets next on each option, not on the question. Move it.",
            )

    def check_option(self, reader: Reader, where: KeyPath, option: Option, table: Table) -> None:
        super().check_option(reader, where, option, table)
        if option.next is None:
            reader.problem(
                (*where, "next"),
                'every option of a branching question needs next = "<question id>" or "end".',
            )

    def consequence(self, words: Words, question: Question, attempt: Attempt) -> Markup:
        option = question.option(attempt.response.choices[0])
        if option is None or option.consequence is None:
            return Markup("")
        return html(
            '<div class="consequence"><h3>{}</h3>{}</div>',
            words.t("feedback.consequence"),
            paragraphs(words.text(option.consequence)),
        )


KIND = Branching()
