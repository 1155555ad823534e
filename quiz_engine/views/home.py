"""The home screen: scenarios and topic banks with their progress, and "continue"."""

from __future__ import annotations

from ..base.markup import Markup, html, join
from ..base.model import Quiz
from ..run.duration import minutes
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
        resume=_resume(ctx, quizzes, states, last_quiz) or _suggested(ctx, quizzes, states),
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


def _suggested(ctx: ViewContext, quizzes: tuple[Quiz, ...], states: dict[str, Progress]) -> Markup:
    """Where to begin, while nothing is begun: the first quiz of the home screen (the content's
    order, or a kommune's ``show`` list, puts the best first quiz first)."""
    if not quizzes or any(s.started for s in states.values()):
        return Markup("")
    quiz = quizzes[0]
    t = ctx.t
    return html(
        '<section class="start-here panel" aria-labelledby="start-heading">'
        '<h2 id="start-heading">{heading}</h2><p>{lead}</p>'
        '<p><strong>{title}</strong> · {facts}</p><p class="card-summary">{summary}</p>'
        '<p><a class="button primary" href="{link}">{action}</a></p></section>',
        heading=t("home.start_here"),
        lead=t("home.start_here_lead"),
        title=ctx.text(quiz.title),
        facts=_facts(ctx, quiz, states[quiz.id]),
        summary=ctx.text(quiz.summary),
        link=href(states[quiz.id].resume),
        action=t("home.start_with", quiz=ctx.text(quiz.title)),
    )


def _facts(ctx: ViewContext, quiz: Quiz, state: Progress) -> str:
    """``14 spørsmål · ca. 20 min``."""
    return ctx.t("home.facts", total=state.total, minutes=minutes(quiz, ctx.lang))


def _card(ctx: ViewContext, quiz: Quiz, state: Progress) -> Markup:
    t = ctx.t
    if state.finished:
        # The bar shows the result, as the words beside it do: a full bar would read "100 %".
        score = round(state.percent or 0)
        status = t("home.done", percent=score)
        action = t("home.see_result")
        bar = score
    elif state.started:
        status = t("home.answered", answered=state.answered, total=state.total)
        action = t("home.continue")
        bar = round(100 * state.answered / state.total) if state.total else 0
    else:
        status = _facts(ctx, quiz, state)
        action = t("home.start")
        bar = 0
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
