"""Feedback after an answer: right, partly right or wrong (in words, never colour alone),
the feedback for what was chosen, what happens next in the story, the explanation and sources.
What differs between kinds of question is the kind's to draw (``kinds``)."""

from __future__ import annotations

from ..base.markup import Markup, html, join, paragraphs
from ..base.model import Question, Quiz
from ..kinds import Attempt, kind_of
from .context import ViewContext
from .layout import sources_list

ICONS = {"right": "✓", "partly": "◐", "wrong": "✗", "unanswered": "-"}


def grade_label(ctx: ViewContext, question: Question, attempt: Attempt | None) -> str:
    if attempt is None:
        return ctx.t("grade.unanswered")
    return kind_of(question).grade_label(ctx, question, attempt)


def feedback_panel(
    ctx: ViewContext, quiz: Quiz, question: Question, attempt: Attempt | None, seed: int
) -> Markup:
    """The verdict first (the shell brings it to the top of the view), then the answer marked
    in place, the best answer, what happens next, the explanation and the sources."""
    t = ctx.t
    kind = kind_of(question)
    state = kind.state(attempt.grade.state if attempt else "unanswered")
    parts = [
        kind.chosen_feedback(ctx, quiz, question, attempt, seed),
        _confidence(ctx, attempt),
        kind.best_answer(ctx, question, attempt),
    ]
    if attempt is not None:
        parts.append(kind.consequence(ctx, question, attempt))
    return html(
        '<section class="feedback feedback-{state}" aria-labelledby="feedback-heading">'
        '<h2 id="feedback-heading" tabindex="-1" data-scroll="start">'
        '<span class="grade-icon" aria-hidden="true">{icon}</span> '
        "{label}</h2>{parts}"
        '<h3>{explain}</h3><div class="explanation">{explanation}</div>'
        "<h3>{sources_h}</h3>{sources}</section>",
        state=state,
        icon=ICONS.get(state, "•"),
        label=grade_label(ctx, question, attempt),
        parts=join(parts),
        explain=kind.explanation_heading(ctx),
        explanation=paragraphs(ctx.text(question.explanation)),
        sources_h=t("feedback.sources"),
        sources=sources_list(ctx, question.sources),
    )


def _confidence(ctx: ViewContext, attempt: Attempt | None) -> Markup:
    if attempt is None or attempt.confidence is None:
        return Markup("")
    return html(
        '<p class="confidence-note">{}</p>',
        ctx.t("feedback.confidence", level=ctx.t(f"confidence.{attempt.confidence}")),
    )
