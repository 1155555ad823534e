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
        '<section aria-labelledby="topics-heading"><h2 id="topics-heading">{topics_h}</h2>{chart}'
        "</section>{calibration}"
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
        topics_h=t("results.topics"),
        chart=topic_chart(ctx, outcome.topics),
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


def _review(ctx: ViewContext, quiz: Quiz, outcome: Result, path: tuple[str, ...]) -> Markup:
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
                '<li class="review-item review-{state}"><h3>{prompt}</h3>'
                '<p class="review-grade"><span aria-hidden="true">{icon}</span> {label}{link}</p>'
                '{answer}<div class="explanation">{explanation}</div>{sources}</li>',
                state=state,
                prompt=ctx.text(question.prompt),
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
                explanation=paragraphs(ctx.text(question.explanation)),
                sources=sources_list(ctx, question.sources),
            )
        )
    return join(items)
