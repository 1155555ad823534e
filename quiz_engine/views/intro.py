"""A scenario's or bank's first screen (the case story), and the start-over confirmation."""

from __future__ import annotations

from ..base.markup import html, paragraphs
from ..base.model import Quiz
from ..run.progress import progress
from ..run.routing import INTRO, Route, href
from .context import Screen, ViewContext
from .layout import sources_list


def intro_screen(ctx: ViewContext, quiz: Quiz) -> Screen:
    t = ctx.t
    state = progress(quiz, ctx.plays.get(quiz.id), ctx.positions.get(quiz.id))
    if state.started:
        actions = html(
            '<a class="button primary" href="{}">{}</a> '
            '<a class="button secondary" href="{}">{}</a>',
            href(state.resume),
            t("intro.result" if state.finished else "intro.continue"),
            href(Route("restart", quiz.id)),
            t("intro.restart"),
        )
    else:
        actions = html(
            '<button class="button primary" type="button" data-action="start" '
            'data-behaviour="immediate">{}</button> '
            '<button class="button secondary" type="button" data-action="start" '
            'data-behaviour="deferred">{}</button>',
            t("intro.start"),
            t("intro.start_deferred"),
        )
    kind = t("intro.kind_scenario" if quiz.kind == "scenario" else "intro.kind_bank")
    body = html(
        '<article class="intro panel narrow"><p class="eyebrow">{kind}</p>'
        '<h1 tabindex="-1">{title}</h1><div class="story">{story}</div>'
        '<p class="facts">{count} · {valid}</p>'
        '<p class="actions">{actions}</p>'
        '<details class="intro-sources"><summary>{sources_h}</summary>{sources}</details>'
        "</article>",
        kind=kind,
        title=ctx.text(quiz.title),
        story=paragraphs(ctx.text(quiz.intro)),
        count=t("intro.count", total=state.total),
        valid=t("intro.valid", date=ctx.date(quiz.valid_as_of)),
        actions=actions,
        sources_h=t("intro.show_sources", count=len(quiz.sources)),
        sources=sources_list(ctx, quiz.sources),
    )
    return Screen(ctx.text(quiz.title), body)


def restart_screen(ctx: ViewContext, quiz: Quiz) -> Screen:
    t = ctx.t
    body = html(
        '<section class="panel narrow"><h1 tabindex="-1">{title}</h1><p>{text}</p>'
        '<p class="actions"><button class="button danger" type="button" data-action="reset">'
        '{yes}</button> <a class="button secondary" href="{back}">{no}</a></p></section>',
        title=t("restart.title"),
        text=t("restart.text", quiz=ctx.text(quiz.title)),
        yes=t("restart.yes"),
        back=href(Route(INTRO, quiz.id)),
        no=t("restart.no"),
    )
    return Screen(t("restart.title"), body)
