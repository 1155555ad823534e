"""A table's tablet (``#/seminar/ID/bord``): the table's answers, then a QR code to hand in.

No names and no scores, and nothing of the verdict: the table discusses, chooses, and shows
the code to the facilitator, whose device reads it without any network.
"""

from __future__ import annotations

from ....base.markup import Markup, attrs, html, join
from ....base.model import Question, Quiz
from ....kinds import kind_of
from ....views.context import Screen, ViewContext
from ..payload import MAX_TABLE, encode
from ..state import cards, path
from ..table import Sheet, answered
from .parts import card_name


def table_screen(ctx: ViewContext, quiz: Quiz, sheet: Sheet, problem: str = "") -> Screen:
    """``problem``: a catalogue key saying why the code cannot be shown yet."""
    t = ctx.t
    if sheet.table == 0:
        return _number_screen(ctx, quiz)
    if sheet.handing_in:
        return _code_screen(ctx, quiz, sheet)
    questions = [q for q in map(quiz.question, path(quiz)) if q is not None]
    # Numbered as on the projector, every question of it: one without cards (a reflection) is
    # talked about at the table, and says so.
    sections = join(_question(ctx, n, len(questions), q, sheet) for n, q in enumerate(questions, 1))
    asked = [q for q in questions if cards(q)]
    title = t("seminar.table_title", table=sheet.table)
    body = html(
        '<section class="seminar-table"><p class="eyebrow">{quiz}</p>'
        '<h1 tabindex="-1">{title}</h1><p class="lead">{lead}</p>{sections}'
        '<p class="muted">{done}</p><p class="actions">'
        '<button type="button" class="button primary" id="table-hand-in"{hand_in}>'
        "{hand_in_label}</button></p>{problem}</section>",
        quiz=ctx.text(quiz.title),
        title=title,
        lead=t("seminar.table_lead"),
        sections=sections,
        done=t("seminar.table_answered", n=answered(quiz, sheet), total=len(asked)),
        hand_in=attrs(
            data_action="table-hand-in",
            data_shown="true",
            aria_describedby="table-problem" if problem else None,
        ),
        hand_in_label=t("seminar.table_show_code"),
        problem=html('<p class="form-error" id="table-problem" role="alert">{}</p>', t(problem))
        if problem
        else "",
    )
    return Screen(f"{title}: {ctx.text(quiz.title)}", body)


def _number_screen(ctx: ViewContext, quiz: Quiz) -> Screen:
    t = ctx.t
    title = t("seminar.table_which")
    body = html(
        '<section class="seminar-table panel narrow"><p class="eyebrow">{quiz}</p>'
        '<h1 tabindex="-1">{title}</h1><p>{lead}</p>'
        '<form data-seminar-form="table" novalidate><p>'
        '<label class="field-label" for="table-number">{label}</label>'
        '<input id="table-number" name="table" inputmode="numeric" size="3" autocomplete="off"'
        ' required aria-describedby="table-hint">'
        '<span class="hint" id="table-hint">{hint}</span></p>'
        '<p class="actions"><button type="submit" class="button primary">{go}</button></p>'
        "</form></section>",
        quiz=ctx.text(quiz.title),
        title=title,
        lead=t("seminar.table_privacy"),
        label=t("seminar.table_number"),
        hint=t("seminar.table_hint", max=MAX_TABLE),
        go=t("seminar.table_go"),
    )
    return Screen(f"{title}: {ctx.text(quiz.title)}", body)


def _question(ctx: ViewContext, n: int, total: int, question: Question, sheet: Sheet) -> Markup:
    t = ctx.t
    if not cards(question):
        return html(
            '<section class="table-question" aria-labelledby="tq-{id}">'
            '<h2 id="tq-{id}"><span class="muted">{n}:</span> {prompt}</h2>'
            '<p class="table-talk">{talk}</p></section>',
            id=question.id,
            n=t("question.count", n=n, total=total),
            prompt=ctx.text(question.prompt),
            talk=t("seminar.table_talk"),
        )
    chosen = sheet.answers.get(question.id, ())
    shown = [kind_of(question).card(ctx, question, card) for card in cards(question)]
    buttons = join(
        html(
            '<button type="button" class="button table-card{light}"{attrs}>{name}{text}</button>',
            light=f" light-{c.lamp}" if c.lamp else "",
            attrs=attrs(
                data_action="table-choose",
                data_question=question.id,
                data_card=c.id,
                aria_pressed="true" if c.id in chosen else "false",
            ),
            name=c.name,
            text=html('<span class="table-card-text">{}</span>', c.text) if c.text else "",
        )
        for c in shown
    )
    one = kind_of(question).one_answer
    hint = t("seminar.table_one" if one else "question.legend_multiple")
    return html(
        '<section class="table-question" aria-labelledby="tq-{id}">'
        '<h2 id="tq-{id}"><span class="muted">{n}:</span> {prompt}</h2>'
        '<div class="table-cards {shape}" role="group" aria-label="{hint}">{buttons}</div>'
        "</section>",
        id=question.id,
        shape="lights" if any(c.lamp for c in shown) else "options",
        n=t("question.count", n=n, total=total),
        prompt=ctx.text(question.prompt),
        hint=hint,
        buttons=buttons,
    )


def _code_screen(ctx: ViewContext, quiz: Quiz, sheet: Sheet) -> Screen:
    t = ctx.t
    questions = [q for q in map(quiz.question, path(quiz)) if q is not None]
    listed = join(
        html(
            "<li>{}: {}</li>",
            t("question.count", n=n, total=len(questions)),
            (
                ", ".join(card_name(ctx, q, c) for c in sheet.answers.get(q.id, ()))
                or t("seminar.table_blank")
            )
            if cards(q)
            else t("seminar.table_talked"),
        )
        for n, q in enumerate(questions, 1)
    )
    title = t("seminar.table_code_title", table=sheet.table)
    body = html(
        '<section class="seminar-table seminar-code"><p class="eyebrow">{quiz}</p>'
        '<h1 tabindex="-1">{title}</h1><p class="lead">{lead}</p>'
        '<canvas class="qr" width="360" height="360" role="img" aria-label="{label}"'
        ' data-qr="{payload}"></canvas>'
        '<h2>{answers_h}</h2><ul class="table-answers">{listed}</ul><p class="actions">'
        '<button type="button" class="button secondary"{edit}>{edit_label}</button>'
        '<button type="button" class="button secondary"{new}>{new_label}</button></p></section>',
        quiz=ctx.text(quiz.title),
        title=title,
        lead=t("seminar.table_code_lead"),
        label=t("seminar.table_code_label", table=sheet.table),
        payload=encode(quiz, sheet.table, sheet.answers),
        answers_h=t("seminar.table_answers"),
        listed=listed,
        edit=attrs(data_action="table-hand-in", data_shown="false"),
        edit_label=t("seminar.table_edit"),
        new=attrs(data_action="table-new"),
        new_label=t("seminar.table_new"),
    )
    return Screen(f"{title}: {ctx.text(quiz.title)}", body)
