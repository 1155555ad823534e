"""The results: score, band, per-topic chart, calibration and a review of every answer."""

from __future__ import annotations

from ..base.markup import Markup, html, join, paragraphs
from ..base.model import Quiz
from ..kinds import kind_of
from ..run.fold import retry_ids
from ..run.play import Play
from ..run.routing import HOME, PRINT, QUESTION, RESTART, Route, href
from ..run.scoring import Result, result
from .chart import topic_chart
from .context import Screen, ViewContext
from .feedback import ICONS, grade_label
from .layout import sources_list
from .learn_next import learn_next
from .prompt import prompt_block

# A theme asked in this share of the questions or more says what the total says.
NEARLY_ALL = 0.75


def results_screen(ctx: ViewContext, quiz: Quiz, play: Play) -> Screen:
    t = ctx.t
    state = play.state
    outcome = result(quiz, state, [topic.id for topic in ctx.content.topics])
    scored = [i for i in outcome.items if i.question.scored]
    right = sum(1 for i in scored if i.grade.state == "right")
    retry = (
        html(
            '<button class="button primary" type="button" data-action="retry">{}</button> ',
            t("results.retry"),
        )
        if retry_ids(quiz, state)
        else Markup("")
    )
    body = html(
        '<article class="results"><p class="eyebrow">{quiz}</p><h1 tabindex="-1">{title}</h1>'
        '<section class="score panel"><p class="score-number">{percent}</p>'
        '<p class="score-line">{line}</p><p class="pass">{passed}</p>{band}</section>'
        "{learn}{topics}{calibration}"
        '<p class="actions">{retry}<a class="button secondary" href="{restart}">{restart_l}</a> '
        '<a class="button secondary" href="{print}">{print_l}</a> '
        '<a class="button secondary" href="{home}">{home_l}</a></p>'
        '<section aria-labelledby="review-heading"><h2 id="review-heading">{review_h}</h2>'
        '<ol class="review">{review}</ol></section></article>',
        quiz=ctx.text(quiz.title),
        title=t("results.title"),
        percent=t("results.percent", percent=round(outcome.percent)),
        line=t("results.right_of", right=right, total=len(scored)),
        passed=t("results.passed" if outcome.passed else "results.not_passed", mark=quiz.pass_mark),
        band=paragraphs(ctx.text(outcome.band.text)) if outcome.band else "",
        learn=learn_next(ctx, quiz, outcome),
        topics=_topics(ctx, outcome, len(scored)),
        calibration=_calibration(ctx, outcome),
        retry=retry,
        restart=href(Route(RESTART, quiz.id)),
        restart_l=t("results.restart"),
        print=href(Route(PRINT, quiz.id)),
        print_l=t("results.print"),
        home=href(Route(HOME)),
        home_l=t("results.home"),
        review_h=t("results.review"),
        review=_review(ctx, quiz, outcome, state.path),
    )
    return Screen(f"{t('results.title')}: {ctx.text(quiz.title)}", body)


def _calibration(ctx: ViewContext, outcome: Result) -> Markup:
    if not outcome.calibration:
        return Markup("")
    t = ctx.t
    lines = join(
        html("<li>{}</li>", t(f"calibration.level{c.level}", right=c.right, answered=c.answered))
        for c in reversed(outcome.calibration)
    )
    return html(
        '<section class="calibration panel" aria-labelledby="calibration-heading">'
        '<h2 id="calibration-heading">{}</h2><p>{}</p><ul>{}</ul></section>',
        t("calibration.title"),
        t("calibration.lead"),
        lines,
    )


def _topics(ctx: ViewContext, outcome: Result, scored: int) -> Markup:
    """The score per theme, leaving out themes that cover nearly the whole quiz: their score
    is the total again (a bank on gifts is all "Gaver"). Nothing when none is left."""
    rows = tuple(s for s in outcome.topics if s.questions < NEARLY_ALL * scored)
    if not rows:
        return Markup("")
    return html(
        '<section aria-labelledby="topics-heading"><h2 id="topics-heading">{}</h2>{}</section>',
        ctx.t("results.topics"),
        topic_chart(ctx, rows),
    )


def _review(ctx: ViewContext, quiz: Quiz, outcome: Result, path: tuple[str, ...]) -> Markup:
    """Per question the verdict, the answer and the best answer; the explanation folded."""
    t = ctx.t
    items = []
    for item in outcome.items:
        question, attempt = item.question, item.attempt
        kind = kind_of(question)
        state = kind.state(item.grade.state)
        answer = kind.answer_summary(ctx, question, attempt) if attempt else ""
        link = (
            html(
                ' <a href="{}">{}</a>',
                href(Route(QUESTION, quiz.id, path.index(question.id) + 1)),
                t("results.open"),
            )
            if question.id in path
            else ""
        )
        items.append(
            html(
                '<li class="review-item review-{state}">{prompt}'
                '<p class="review-grade"><span aria-hidden="true">{icon}</span> {label}{link}</p>'
                "{answer}{best}"
                '<details class="review-more"><summary>{more}</summary>'
                '<div class="explanation">{explanation}</div>{sources}</details></li>',
                state=state,
                prompt=prompt_block(ctx.text(question.prompt), question.id, "h3"),
                icon=ICONS.get(state, "•"),
                label=grade_label(ctx, question, attempt),
                link=link,
                answer=html(
                    '<p class="review-answer"><strong>{}</strong> {}</p>',
                    t("feedback.your_answer"),
                    answer,
                )
                if answer
                else "",
                best=kind.best_answer(ctx, question, attempt),
                more=t(
                    "results.explanation_more"
                    if not kind.self_assessed
                    else "results.model_answer_more"
                ),
                explanation=paragraphs(ctx.text(question.explanation)),
                sources=sources_list(ctx, question.sources),
            )
        )
    return join(items)
