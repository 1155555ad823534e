"""The seminar's facilitator screens: pick a quiz (``#/seminar``), run it (``#/seminar/ID``).

The run screen is for a projector: one step at a time, large type, the facilitator's controls
below the content (they can be hidden), and nothing of the answer before the reveal.
"""

from __future__ import annotations

from ....base.markup import Markup, attrs, html, join, paragraphs
from ....base.model import Quiz
from ....run.routing import (
    SEMINAR_READ,
    SEMINAR_RUN,
    SEMINAR_SUMMARY,
    SEMINAR_TABLE,
    Route,
    href,
)
from ....views.context import Screen, ViewContext
from ....views.prompt import prompt_block
from ..state import ASK, REVEAL, STORY, Seminar, cards, path, step_of, steps, tally
from ..table import Sheet
from .parts import (
    options_list,
    tally_panel,
    timer_panel,
    timer_settings,
    verdict_band,
    verdict_panel,
)
from .summary import summary_table

__all__ = ["picker_screen", "run_screen"]


def picker_screen(
    ctx: ViewContext, seminars: dict[str, Seminar], sheets: dict[str, Sheet]
) -> Screen:
    t = ctx.t
    items = join(_pick_card(ctx, quiz, seminars.get(quiz.id)) for quiz in ctx.content.quizzes)
    body = html(
        '<section class="seminar-picker"><div class="hero"><h1 tabindex="-1">{title}</h1>'
        '<p class="lead">{lead}</p></div>'
        '<div class="panel seminar-how"><h2>{how_h}</h2><ul>{how}</ul></div>'
        '<h2>{pick}</h2><ul class="cards">{items}</ul></section>',
        title=t("seminar.title"),
        lead=t("seminar.lead"),
        how_h=t("seminar.how_title"),
        how=join(html("<li>{}</li>", t(f"seminar.how_{n}")) for n in (1, 2, 3, 4)),
        pick=t("seminar.pick"),
        items=items,
    )
    return Screen(t("seminar.title"), body)


def _pick_card(ctx: ViewContext, quiz: Quiz, seminar: Seminar | None) -> Markup:
    t = ctx.t
    kind = t("intro.kind_scenario" if quiz.kind == "scenario" else "intro.kind_bank")
    started = seminar is not None and seminar != Seminar(quiz.id)
    status = (
        html(
            '<p class="card-status">{}</p>',
            t("seminar.saved_at", n=seminar.step + 1, total=len(steps(quiz))),
        )
        if started and seminar is not None
        else ""
    )
    run = t("seminar.continue" if started else "seminar.run")
    return html(
        '<li class="card"><p class="eyebrow">{kind}</p><h3 class="card-title">{title}</h3>'
        '<p class="card-summary">{count}</p>{status}'
        '<p class="card-action seminar-links">'
        '<a class="button primary" href="{run_href}" aria-label="{run_label}">{run}</a> '
        '<a class="button secondary" href="{table_href}" aria-label="{table_label}">{table}</a>'
        "</p></li>",
        kind=kind,
        title=ctx.text(quiz.title),
        count=t("seminar.questions_n", n=len(path(quiz))),
        status=status,
        run_href=href(Route(SEMINAR_RUN, quiz.id)),
        run_label=f"{run}: {ctx.text(quiz.title)}",
        run=run,
        table_href=href(Route(SEMINAR_TABLE, quiz.id)),
        table_label=f"{t('seminar.table_tablet')}: {ctx.text(quiz.title)}",
        table=t("seminar.table_tablet"),
    )


def run_screen(ctx: ViewContext, quiz: Quiz, seminar: Seminar, now: int) -> Screen:
    t = ctx.t
    all_steps = steps(quiz)
    step = step_of(quiz, seminar)
    where = t("seminar.step_of", n=seminar.step + 1, total=len(all_steps))
    if seminar.blank:
        body = html(
            '<section class="seminar-blank" data-seminar-keys>'
            '<h1 tabindex="-1" class="visually-hidden">{}</h1>'
            '<p class="visually-hidden">{}</p></section>',
            t("seminar.blank_title"),
            t("seminar.blank_back"),
        )
        return Screen(t("seminar.blank_title"), body)
    questions = path(quiz)
    question = quiz.question(step.question) if step.question else None
    if step.kind == STORY:
        main, heading = _story(ctx, quiz), ctx.text(quiz.title)
    elif question is None:  # the summary
        main = html(
            '<h1 tabindex="-1">{}</h1>{}', t("seminar.summary"), summary_table(ctx, quiz, seminar)
        )
        heading = t("seminar.summary")
    else:
        n = questions.index(question.id) + 1
        counted = tally(quiz, seminar, question.id)
        shown_cards = (
            tally_panel(ctx, question, counted, seminar.controls, step.kind == REVEAL)
            if cards(question)
            else ""
        )
        revealed = step.kind == REVEAL
        # The cards the room holds up beside the room's count of them, so the counts stay in
        # view with the question; after the reveal the assessment is a band under the question.
        main = html(
            '<p class="seminar-count">{count}</p>{prompt}{band}'
            '<div class="seminar-board">{options}{cards}</div>{verdict}',
            count=t("question.count", n=n, total=len(questions)),
            prompt=prompt_block(ctx.text(question.prompt), question.id),
            band=verdict_band(ctx, question) if revealed else "",
            options=options_list(ctx, question, revealed),
            cards=shown_cards,
            verdict=verdict_panel(ctx, question) if revealed else "",
        )
        heading = t("question.count", n=n, total=len(questions))
    body = html(
        '<section class="seminar-run{hidden}" data-seminar-keys><div class="seminar-stage">'
        '<p class="eyebrow seminar-where">{quiz} · {where}</p>{main}</div>'
        '<div class="seminar-side">{controls}</div></section>',
        hidden="" if seminar.controls else " controls-hidden",
        quiz=ctx.text(quiz.title),
        where=where,
        main=main,
        controls=_controls(ctx, quiz, seminar, step.kind, now),
    )
    return Screen(f"{heading} · {where}", body)


def _story(ctx: ViewContext, quiz: Quiz) -> Markup:
    return html(
        '<h1 tabindex="-1">{}</h1><div class="story seminar-story">{}</div>',
        ctx.text(quiz.title),
        paragraphs(ctx.text(quiz.intro)),
    )


def _controls(ctx: ViewContext, quiz: Quiz, seminar: Seminar, kind: str, now: int) -> Markup:
    t = ctx.t
    if not seminar.controls:
        return html(
            '{}<p class="seminar-show-controls"><button type="button" id="show-controls" '
            'class="button secondary"{}>{}</button></p>',
            timer_panel(ctx, seminar.timer, now, False) if seminar.timer.running else "",
            attrs(data_action="seminar-controls", data_shown="true"),
            t("seminar.show_controls"),
        )
    last = len(steps(quiz)) - 1
    moves = []
    if seminar.step > 0:
        moves.append(_step_button(t("seminar.back"), "back", "secondary"))
    if kind == ASK:
        moves.append(_step_button(t("seminar.reveal"), "next", "primary"))
    elif seminar.step < last:
        label = "seminar.start" if kind == STORY else "seminar.next"
        if seminar.step == last - 1:
            label = "seminar.to_summary"
        moves.append(_step_button(t(label), "next", "primary"))
    tables = len(seminar.tables)
    # The rest folds away (by default on screens of 1280 px and narrower, see seminar.mjs), so
    # the projected question keeps most of the width.
    return html(
        '<nav class="seminar-nav" aria-label="{nav}">{moves}</nav>'
        "{timer}"
        '<details class="seminar-fold" id="seminar-fold" data-fold>'
        '<summary>{more}</summary><p class="seminar-keys muted">{keys}</p>{settings}'
        '<section class="seminar-tools" aria-labelledby="tools-heading">'
        '<h2 id="tools-heading">{tools}</h2>'
        '<p class="muted">{tables}</p><p class="actions">'
        '<a class="button secondary" href="{read}">{read_label}</a>'
        '<a class="button secondary" href="{summary}">{summary_label}</a>'
        '<button type="button" class="button secondary"{blank}>{blank_label}</button>'
        '<button type="button" id="hide-controls" class="button secondary"{hide}>{hide_label}'
        "</button></p></section></details>",
        nav=t("seminar.nav"),
        moves=join(moves, " "),
        more=t("seminar.more_controls"),
        keys=t("seminar.keys"),
        timer=timer_panel(ctx, seminar.timer, now, True),
        settings=timer_settings(ctx, seminar.timer),
        tools=t("seminar.tools"),
        tables=t("seminar.tables_n", n=tables),
        read=href(Route(SEMINAR_READ, quiz.id)),
        read_label=t("seminar.read"),
        summary=href(Route(SEMINAR_SUMMARY, quiz.id)),
        summary_label=t("seminar.summary"),
        blank=attrs(data_action="seminar-blank"),
        blank_label=t("seminar.blank"),
        hide=attrs(data_action="seminar-controls", data_shown="false"),
        hide_label=t("seminar.hide_controls"),
    )


def _step_button(label: str, to: str, kind: str) -> Markup:
    # data-scroll="none": focus put here never scrolls the projector's page (see the reveal).
    return html(
        '<button type="button" class="button {}"{}>{}</button>',
        kind,
        attrs(data_action="seminar-step", data_to=to, data_scroll="none"),
        label,
    )
