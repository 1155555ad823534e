"""A reflection: the councillor writes, reads the model answer, and ticks the key points covered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..markup import Markup, attrs, html, join, paragraphs
from ..model import KeyPoint, Option, Question, Quiz
from ..views.widgets import fieldset
from .base import MAX_TEXT, Export, Kind, Response
from .parts import PLACEHOLDER, check_unique

if TYPE_CHECKING:
    from ..locate import KeyPath
    from ..reader import Reader, Table
    from ..session import Attempt, Session
    from ..views.context import ViewContext

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
    needs_choice = False
    reveal_first = True
    self_assessed = True
    export = Export(as_type="essay")

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
        ctx: ViewContext,
        quiz: Quiz,
        session: Session,
        question: Question,
        attempt: Attempt | None,
        editable: bool,
    ) -> Markup:
        t = ctx.t
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
            text=response.text if response else session.draft(question.id),
        )
        if question.id not in ctx.revealed and attempt is None:
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
                ctx.text(p.text),
            )
            for p in question.key_points
        )
        model = (
            Markup("")
            if attempt
            else html(
                '<div class="model-answer"><h2 tabindex="-1">{}</h2>{}</div>',
                t("feedback.model_answer"),
                paragraphs(ctx.text(question.explanation)),
            )
        )
        return html("{}{}{}", area, model, fieldset(t("question.legend_points"), "points", points))

    def state(self, graded: str) -> str:
        return "reflection"

    def grade_label(self, ctx: ViewContext, question: Question, attempt: Attempt) -> str:
        return ctx.t(
            "grade.reflection", ticked=len(attempt.response.ticked), total=len(question.key_points)
        )

    def chosen_feedback(self, ctx: ViewContext, question: Question, attempt: Attempt) -> Markup:
        ticked = set(attempt.response.ticked)
        points = join(
            html(
                '<li class="{}"><span aria-hidden="true">{}</span> {} '
                '<span class="visually-hidden">{}</span></li>',
                "point-yes" if p.id in ticked else "point-no",
                "✓" if p.id in ticked else "○",
                ctx.text(p.text),
                ctx.t("feedback.covered" if p.id in ticked else "feedback.not_covered"),
            )
            for p in question.key_points
        )
        text = attempt.response.text.strip()
        yours = html('<blockquote class="your-text">{}</blockquote>', text) if text else Markup("")
        return html(
            '<h3>{}</h3>{}<ul class="key-points">{}</ul>',
            ctx.t("feedback.your_text"),
            yours,
            points,
        )

    def best_answer(self, ctx: ViewContext, question: Question, attempt: Attempt) -> Markup:
        return Markup("")  # the model answer is the explanation, shown anyway

    def explanation_heading(self, ctx: ViewContext) -> str:
        return ctx.t("feedback.model_answer")

    def answer_summary(self, ctx: ViewContext, question: Question, attempt: Attempt) -> str:
        return attempt.response.text


KIND = Reflection()
