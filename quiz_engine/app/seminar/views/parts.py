"""Pieces of the seminar's projector screen: the cards and their tally, the timer, the verdict.

The asked question shows the prompt and the cards only; the verdict, the explanation and the
sources are rendered by ``verdict_panel`` alone, which the run screen calls after the reveal.
"""

from __future__ import annotations

from ....base.markup import Markup, attrs, html, join, paragraphs
from ....base.model import Question
from ....kinds import kind_of
from ....views.context import ViewContext
from ....views.layout import sources_list
from ..state import cards, verdict
from ..timer import PRESETS, Timer, clock


def card_name(ctx: ViewContext, question: Question, card: str) -> str:
    """``Rødt lys`` for a light, ``A`` for the first option: the kind names its cards."""
    return kind_of(question).card(ctx, question, card).name


def options_list(ctx: ViewContext, question: Question, revealed: bool = False) -> Markup:
    """The cards the room can hold up, in the order of the tally; after the reveal the assessed
    ones are marked in words (before it, no hint of the answer)."""
    shown = [kind_of(question).card(ctx, question, card) for card in cards(question)]
    best = verdict(question) if revealed else ()
    if any(c.lamp for c in shown):
        items = join(
            html(
                '<li class="seminar-light light-{lamp}"><span class="lamp" aria-hidden="true">'
                '</span><span>{name} <span class="light-hint">{hint}</span></span></li>',
                lamp=c.lamp,
                name=c.name,
                hint=c.hint,
            )
            for c in shown
        )
        return html('<ul class="seminar-lights">{}</ul>', items)
    items = join(
        html(
            '<li{cls}><span class="seminar-letter" aria-hidden="true">{letter}</span>'
            '<span class="visually-hidden">{letter}: </span><span>{text}{mark}</span></li>',
            cls=attrs(class_="is-verdict" if c.id in best else None),
            letter=c.name,
            text=c.text,
            mark=html(' <span class="option-verdict">✓ {}</span>', ctx.t("seminar.verdict"))
            if c.id in best
            else "",
        )
        for c in shown
    )
    return html('<ul class="seminar-options">{}</ul>', items)


def tally_panel(
    ctx: ViewContext,
    question: Question,
    counted: dict[str, int],
    controls: bool,
    revealed: bool = False,
) -> Markup:
    """The count per card; after the reveal the assessed card(s) are marked (never before)."""
    t = ctx.t
    rows = []
    best = verdict(question) if revealed else ()
    for card in cards(question):
        name = card_name(ctx, question, card)
        n = counted.get(card, 0)
        buttons = (
            html(
                '<button type="button" class="button tally-button"{less}>\u2212</button>'
                '<button type="button" class="button tally-button"{more}>+</button>',
                less=attrs(
                    data_action="seminar-count",
                    data_question=question.id,
                    data_card=card,
                    data_delta="-1",
                    aria_label=t("seminar.count_less", card=name, n=n),
                ),
                more=attrs(
                    data_action="seminar-count",
                    data_question=question.id,
                    data_card=card,
                    data_delta="1",
                    aria_label=t("seminar.count_more", card=name, n=n),
                ),
            )
            if controls
            else ""
        )
        mark = (
            html('<span class="tally-verdict">✓ {}</span>', t("seminar.verdict"))
            if card in best
            else ""
        )
        rows.append(
            html(
                '<li class="tally-card tally-{card}{cls}"><span class="tally-name">{name}</span>'
                '<span class="tally-count">{n}</span>{buttons}{mark}</li>',
                card=kind_of(question).card(ctx, question, card).lamp or "option",
                cls=" is-verdict" if card in best else "",
                mark=mark,
                name=name,
                n=t("seminar.cards_n", n=n),
                buttons=buttons,
            )
        )
    return html(
        '<section class="tally" aria-labelledby="tally-heading">'
        '<h2 id="tally-heading">{}</h2><ul class="tally-cards">{}</ul></section>',
        t("seminar.tally"),
        join(rows),
    )


def verdict_band(ctx: ViewContext, question: Question) -> Markup:
    """The assessment as a large band right under the question, in the light's own colour
    (with its name in words: never colour alone), so the room sees it with the question and
    its cards, and nothing on the screen moves."""
    t = ctx.t
    best = [kind_of(question).card(ctx, question, c) for c in verdict(question)]
    if not best:
        return Markup("")
    lamp = best[0].lamp if len(best) == 1 else ""
    if any(c.lamp for c in best):
        # A light with its meaning.
        shown = join(
            html(
                '<li><span class="lamp" aria-hidden="true"></span><span>{}{}</span></li>',
                c.name,
                html(" \u2013 {}", c.hint) if c.hint else "",
            )
            for c in best
        )
        shown = html('<ul class="verdict">{}</ul>', shown)
    else:
        # Lettered cards by their letters: their words are on the cards right below, each
        # marked, so the band stays one line and the cards stay in view.
        shown = html('<p class="verdict">{}</p>', ", ".join(c.name for c in best))
    return html(
        '<section class="verdict-band verdict-{tone}" aria-labelledby="verdict-heading">'
        '<h2 id="verdict-heading">{heading}</h2>{shown}</section>',
        tone=lamp or "option",
        heading=t("seminar.verdict"),
        shown=shown,
    )


def verdict_words(ctx: ViewContext, question: Question) -> str:
    """``Rødt lys`` or ``A, C, D``: the assessment as the screen reader says it."""
    return ", ".join(card_name(ctx, question, c) for c in verdict(question))


def verdict_panel(ctx: ViewContext, question: Question) -> Markup:
    """Why (the band above gives the assessment), the key points, what happens next in the
    story, and the sources."""
    t = ctx.t
    best_block = (
        html('<h2 id="verdict-heading">{}</h2>', t("feedback.model_answer"))
        if not verdict(question)
        else ""
    )
    points = (
        html(
            '<ul class="key-points">{}</ul>',
            join(html("<li>{}</li>", ctx.text(p.text)) for p in question.key_points),
        )
        if question.key_points
        else ""
    )
    # A branching story goes on along the assessed choice: what happens next is part of it.
    nexts = [o.consequence for o in question.options if o.correct and o.consequence]
    story = (
        html(
            '<div class="consequence"><h3>{}</h3>{}</div>',
            t("feedback.consequence"),
            join(paragraphs(ctx.text(text)) for text in nexts),
        )
        if kind_of(question).branches and nexts
        else ""
    )
    return html(
        '<section class="seminar-verdict" aria-labelledby="why-heading">{best}'
        '<h3 id="why-heading">{why}</h3><div class="explanation">{explanation}</div>{points}{story}'
        "<h3>{sources_h}</h3>{sources}</section>",
        best=best_block,
        story=story,
        why=t("feedback.why"),
        explanation=paragraphs(ctx.text(question.explanation)),
        points=points,
        sources_h=t("feedback.sources"),
        sources=sources_list(ctx, question.sources),
    )


def timer_face(ctx: ViewContext, timer: Timer, now: int) -> Markup:
    """What the running timer shows; redrawn in place every tick (the ``parts`` of an Output)."""
    t = ctx.t
    if timer.is_up(now):
        state = t("seminar.time_up")
    elif timer.running:
        state = t("seminar.timer_running")
    else:
        state = t("seminar.timer_stopped")
    kind = t("seminar.timer_up" if timer.counts_up else "seminar.timer_left")
    return html(
        '<span class="timer-kind">{kind}</span> <span class="timer-clock" role="timer">{clock}'
        '</span> <span class="timer-state">{state}</span>',
        kind=kind,
        clock=clock(timer.shown_seconds(now)),
        state=state,
    )


def timer_box(ctx: ViewContext, timer: Timer, now: int) -> Markup:
    """The face, marked ``data-ticking`` while it runs (the shell sends a tick only then)."""
    return html(
        '<p class="timer-face{up}" id="seminar-timer-face"{ticking}>{face}</p>',
        up=" is-up" if timer.is_up(now) else "",
        ticking=attrs(data_ticking=timer.running),
        face=timer_face(ctx, timer, now),
    )


def timer_buttons(ctx: ViewContext, timer: Timer, now: int) -> Markup:
    t = ctx.t
    if timer.is_up(now):
        toggle = ("restart", "seminar.timer_restart")
    elif timer.running:
        toggle = ("pause", "seminar.timer_pause")
    else:
        toggle = ("start", "seminar.timer_start")
    return html(
        '<button type="button" id="timer-toggle" class="button primary"{go}>{go_label}</button>'
        '<button type="button" class="button secondary"{reset}>{reset_label}</button>',
        go=attrs(data_action="seminar-timer", data_move=toggle[0]),
        go_label=t(toggle[1]),
        reset=attrs(data_action="seminar-timer", data_move="reset"),
        reset_label=t("seminar.timer_reset"),
    )


def timer_panel(ctx: ViewContext, timer: Timer, now: int, controls: bool) -> Markup:
    """The clock, and with the controls shown its start/pause and reset buttons."""
    t = ctx.t
    face = html('<div id="seminar-timer-box">{}</div>', timer_box(ctx, timer, now))
    if not controls:
        return html('<section class="timer" aria-label="{}">{}</section>', t("seminar.timer"), face)
    return html(
        '<section class="timer" aria-labelledby="timer-heading">'
        '<h2 id="timer-heading">{title}</h2>{face}'
        '<p class="actions" id="seminar-timer-buttons">{buttons}</p></section>',
        title=t("seminar.timer"),
        face=face,
        buttons=timer_buttons(ctx, timer, now),
    )


def timer_settings(ctx: ViewContext, timer: Timer) -> Markup:
    """The timer's length: the seeds' presets, or any number of minutes."""
    t = ctx.t
    presets = join(
        html(
            '<button type="button" class="button secondary"{}>{}</button>',
            attrs(
                data_action="seminar-timer",
                data_move="set",
                data_seconds=seconds,
                aria_pressed="true" if timer.seconds == seconds else "false",
            ),
            t(f"seminar.preset_{name}"),
        )
        for name, seconds in PRESETS
    )
    return html(
        '<div class="timer-settings">'
        '<div class="timer-presets" role="group" aria-label="{length}">{presets}</div>'
        '<form class="timer-custom" data-seminar-form="timer" novalidate>'
        '<label for="timer-minutes">{custom}</label>'
        '<input id="timer-minutes" name="minutes" inputmode="decimal" size="4" autocomplete="off">'
        '<button type="submit" class="button secondary">{set}</button></form></div>',
        length=t("seminar.timer_length"),
        presets=presets,
        custom=t("seminar.timer_custom"),
        set=t("seminar.timer_set"),
    )
