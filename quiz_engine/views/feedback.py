"""Feedback after an answer: right, partly right or wrong (in words, never colour alone),
the feedback for what was chosen, what happens next in the story, the explanation and sources."""

from __future__ import annotations

from ..kinds import RIGHT
from ..markup import Markup, html, join, paragraphs
from ..model import Question
from ..session import Attempt
from .context import ViewContext
from .layout import sources_list

ICONS = {"right": "✓", "partly": "◐", "wrong": "✗", "unanswered": "-"}


def grade_label(ctx: ViewContext, question: Question, attempt: Attempt | None) -> str:
    if attempt is None:
        return ctx.t("grade.unanswered")
    if question.kind == "reflection":
        return ctx.t(
            "grade.reflection",
            ticked=len(attempt.response.ticked),
            total=len(question.key_points),
        )
    return ctx.t(f"grade.{attempt.grade.state}")


def feedback_panel(ctx: ViewContext, question: Question, attempt: Attempt | None) -> Markup:
    t = ctx.t
    state = attempt.grade.state if attempt else "unanswered"
    if question.kind == "reflection":
        state = "reflection"
    parts = [_chosen_feedback(ctx, question, attempt)]
    if attempt and question.kind != "reflection" and attempt.grade.state != RIGHT:
        best = [
            ctx.text(o.text) if o.text.nb else t(f"light.{o.id}")
            for o in question.options
            if o.correct
        ]
        parts.append(
            html(
                '<p class="best-answer"><strong>{}</strong> {}</p>',
                t("feedback.best"),
                " · ".join(best),
            )
        )
    consequence = _consequence(ctx, question, attempt)
    return html(
        '<section class="feedback feedback-{state}" aria-labelledby="feedback-heading">'
        '<h2 id="feedback-heading" tabindex="-1">'
        '<span class="grade-icon" aria-hidden="true">{icon}</span> '
        "{label}</h2>{parts}{consequence}"
        '<h3>{explain}</h3><div class="explanation">{explanation}</div>'
        "<h3>{sources_h}</h3>{sources}</section>",
        state=state,
        icon=ICONS.get(state, "•"),
        label=grade_label(ctx, question, attempt),
        parts=join(parts),
        consequence=consequence,
        explain=t("feedback.model_answer" if question.kind == "reflection" else "feedback.why"),
        explanation=paragraphs(ctx.text(question.explanation)),
        sources_h=t("feedback.sources"),
        sources=sources_list(ctx, question.sources),
    )


def _chosen_feedback(ctx: ViewContext, question: Question, attempt: Attempt | None) -> Markup:
    if attempt is None:
        return Markup("")
    if question.kind == "reflection":
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
    items = []
    for option_id in attempt.response.choices:
        option = question.option(option_id)
        if option is None:
            continue
        label = ctx.text(option.text) if option.text.nb else ctx.t(f"light.{option.id}")
        note = ctx.text(option.feedback) if option.feedback else ""
        items.append(
            html("<li><strong>{}</strong>{}</li>", label, html(" {}", note) if note else "")
        )
    missed = [o for o in question.options if o.correct and o.id not in attempt.response.choices]
    if question.kind == "multiple" and missed:
        items.append(
            html(
                "<li><strong>{}</strong> {}</li>",
                ctx.t("feedback.missed"),
                " · ".join(ctx.text(o.text) for o in missed),
            )
        )
    return html('<h3>{}</h3><ul class="chosen">{}</ul>', ctx.t("feedback.your_answer"), join(items))


def _consequence(ctx: ViewContext, question: Question, attempt: Attempt | None) -> Markup:
    if attempt is None or question.kind != "branching":
        return Markup("")
    option = question.option(attempt.response.choices[0])
    if option is None or option.consequence is None:
        return Markup("")
    return html(
        '<div class="consequence"><h3>{}</h3>{}</div>',
        ctx.t("feedback.consequence"),
        paragraphs(ctx.text(option.consequence)),
    )
