"""A reflection: the councillor writes, reads the model answer, and ticks the key points covered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base.markup import Markup, attrs, html, join, paragraphs
from ..base.model import KeyPoint, Option, Question, Quiz
from ..base.widgets import fieldset
from .answers import MAX_TEXT, Response
from .base import Export, Kind
from .editing import Editing, Field
from .parts import PLACEHOLDER, check_unique

if TYPE_CHECKING:
    from ..base.errors import KeyPath, Table
    from .answers import Attempt
    from .protocols import Reader, Words

KEY_POINT_KEYS = ("id", "text")


def parse_key_point(reader: Reader, data: Table, path: KeyPath) -> KeyPoint:
    reader.known_keys(data, path, KEY_POINT_KEYS)
    return KeyPoint(
        id=reader.identifier(data, path) or "", text=reader.text(data, path, "text") or PLACEHOLDER
    )


class Reflection(Kind):
    name = "reflection"
    section = "key_points"
    scored_by_default = False
    reveal_first = True
    self_assessed = True
    export = Export(as_type="essay")
    # The points of the model answer (the explanation) the councillor ticks afterwards.
    editing = Editing(
        "key_points",
        "editor.item.key_point",
        (
            Field("id", "id", "editor.field.id", required=True),
            Field("text", "text", "editor.field.key_point_text", required=True),
        ),
        minimum=1,
    )

    def parse_items(
        self, reader: Reader, data: Table, path: KeyPath
    ) -> tuple[tuple[Option, ...], tuple[KeyPoint, ...]]:
        tables = reader.tables(data, path, "key_points", "key points")
        points = tuple(
            parse_key_point(reader, table, (*path, "key_points", n))
            for n, table in enumerate(tables, 1)
        )
        return (), points

    def check(self, reader: Reader, data: Table, path: KeyPath, question: Question) -> None:
        check_unique(reader, path, "key_points", [p.id for p in question.key_points])

    def response_problem(self, question: Question, response: Response) -> str | None:
        points = {p.id for p in question.key_points}
        unknown = [t for t in response.ticked if t not in points]
        if unknown or len(set(response.ticked)) != len(response.ticked):
            return f"unknown or repeated key points: {unknown or list(response.ticked)}"
        return None if not response.choices else "a reflection has no options"

    def fraction(self, question: Question, response: Response) -> float:
        total = len(question.key_points)
        return len(set(response.ticked)) / total if total else 1.0

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
        t = words.t
        response = attempt.response if attempt else None
        area = html(
            '<label class="field-label" for="text-{id}">{label}</label>'
            '<p class="hint" id="hint-{id}">{hint}</p>'
            '<textarea id="text-{id}" name="text" rows="6"{attrs}>{text}</textarea>',
            id=question.id,
            label=t("question.your_text"),
            hint=t("question.text_hint", max=MAX_TEXT),
            attrs=attrs(
                maxlength=MAX_TEXT,
                data_draft=question.id,
                readonly=not editable,
                aria_describedby=f"hint-{question.id}",
            ),
            text=response.text if response else draft,
        )
        if not revealed and attempt is None:
            return html(
                '{}<p class="actions"><button class="button primary" type="button"{}>{}</button>'
                "</p>",
                area,
                attrs(data_action="reveal", data_question=question.id),
                t("question.reveal"),
            )
        ticked = set(response.ticked) if response else set()
        points = join(
            html(
                '<label class="choice"><input type="checkbox" name="ticked"{}>'
                '<span class="choice-text"><span>{}</span></span></label>',
                attrs(value=p.id, checked=p.id in ticked, disabled=not editable),
                words.text(p.text),
            )
            for p in question.key_points
        )
        model = (
            Markup("")
            if attempt
            else html(
                '<div class="model-answer"><h2 tabindex="-1">{}</h2>{}</div>',
                t("feedback.model_answer"),
                paragraphs(words.text(question.explanation)),
            )
        )
        return html("{}{}{}", area, model, fieldset(t("question.legend_points"), "points", points))

    def state(self, graded: str) -> str:
        return "reflection"

    def grade_label(self, words: Words, question: Question, attempt: Attempt) -> str:
        return words.t(
            "grade.reflection", ticked=len(attempt.response.ticked), total=len(question.key_points)
        )

    def chosen_feedback(
        self, words: Words, quiz: Quiz, question: Question, attempt: Attempt | None, seed: int
    ) -> Markup:
        if attempt is None:
            return Markup("")
        ticked = set(attempt.response.ticked)
        points = join(
            html(
                '<li class="{}"><span aria-hidden="true">{}</span> {} '
                '<span class="visually-hidden">{}</span></li>',
                "point-yes" if p.id in ticked else "point-no",
                "✓" if p.id in ticked else "○",
                words.text(p.text),
                words.t("feedback.covered" if p.id in ticked else "feedback.not_covered"),
            )
            for p in question.key_points
        )
        text = attempt.response.text.strip()
        yours = html('<blockquote class="your-text">{}</blockquote>', text) if text else Markup("")
        return html(
            '<h3>{}</h3>{}<ul class="key-points">{}</ul>',
            words.t("feedback.your_text"),
            yours,
            points,
        )

    def best_answer(self, words: Words, question: Question, attempt: Attempt | None) -> Markup:
        return Markup("")  # the model answer is the explanation, shown anyway

    def explanation_heading(self, words: Words) -> str:
        return words.t("feedback.model_answer")

    def answer_summary(self, words: Words, question: Question, attempt: Attempt) -> str:
        return attempt.response.text


KIND = Reflection()
