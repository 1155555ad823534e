"""The home screen: scenarios and topic banks with their progress, and "continue"."""

from __future__ import annotations

from ..base.markup import Markup, html, join
from ..base.model import Quiz
from ..run.progress import Progress, progress
from ..run.routing import href
from .chart import meter
from .context import Screen, ViewContext


def home_screen(ctx: ViewContext, last_quiz: str = "") -> Screen:
    t = ctx.t
    quizzes = ctx.content.quizzes
    states = {q.id: progress(q, ctx.plays.get(q.id), ctx.positions.get(q.id)) for q in quizzes}
    scenarios = [q for q in quizzes if q.kind == "scenario"]
    banks = [q for q in quizzes if q.kind == "bank"]
    body = html(
        '<section class="hero"><h1 tabindex="-1">{title}</h1><p class="lead">{lead}</p></section>'
        "{resume}"
        '<section aria-labelledby="scenarios-heading"><h2 id="scenarios-heading">{sh}</h2>'
        '<p class="section-lead">{sl}</p><ul class="cards">{scenarios}</ul></section>'
        '<section aria-labelledby="banks-heading"><h2 id="banks-heading">{bh}</h2>'
        '<p class="section-lead">{bl}</p><ul class="cards">{banks}</ul></section>',
        title=t("home.title"),
        lead=t("home.lead"),
        resume=_resume(ctx, quizzes, states, last_quiz),
        sh=t("home.scenarios"),
        sl=t("home.scenarios_lead"),
        scenarios=join(_card(ctx, q, states[q.id]) for q in scenarios),
        bh=t("home.banks"),
        bl=t("home.banks_lead"),
        banks=join(_card(ctx, q, states[q.id]) for q in banks),
    )
    return Screen(t("home.title"), body)


def _resume(
    ctx: ViewContext, quizzes: tuple[Quiz, ...], states: dict[str, Progress], last: str
) -> Markup:
    open_ones = [q for q in quizzes if states[q.id].started and not states[q.id].finished]
    open_ones.sort(key=lambda q: q.id != last)
    if not open_ones:
        return Markup("")
    quiz = open_ones[0]
    state = states[quiz.id]
    return html(
        '<section class="resume panel" aria-labelledby="resume-heading">'
        '<h2 id="resume-heading">{heading}</h2><p><strong>{title}</strong> · {count}</p>'
        '<p><a class="button primary" href="{link}">{action}</a></p></section>',
        heading=ctx.t("home.resume"),
        title=ctx.text(quiz.title),
        count=ctx.t("home.answered", answered=state.answered, total=state.total),
        link=href(state.resume),
        action=ctx.t("home.continue"),
    )


def _card(ctx: ViewContext, quiz: Quiz, state: Progress) -> Markup:
    t = ctx.t
    if state.finished:
        status = t("home.done", percent=round(state.percent or 0))
        action = t("home.see_result")
    elif state.started:
        status = t("home.answered", answered=state.answered, total=state.total)
        action = t("home.continue")
    else:
        status = t("home.not_started", total=state.total)
        action = t("home.start")
    bar = round(100 * state.answered / state.total) if state.total else 0
    return html(
        '<li class="card"><h3 class="card-title">{title}</h3>'
        '<p class="card-summary">{summary}</p>{meter}'
        '<p class="card-status">{status}</p>'
        '<p class="card-action"><a class="button" href="{link}" aria-label="{label}">{action}</a>'
        "</p></li>",
        link=href(state.resume),
        title=ctx.text(quiz.title),
        summary=ctx.text(quiz.summary),
        meter=meter(bar),
        status=status,
        action=action,
        label=f"{action}: {ctx.text(quiz.title)}",
    )
