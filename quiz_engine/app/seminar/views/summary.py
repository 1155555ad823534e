"""The seminar's summary: what the room held up next to the assessment, question by question.

Where the room's most shown card is not the assessed one is marked: that is the discussion the
seminar needs. Printable; kept on the device with the rest of the seminar.
"""

from __future__ import annotations

from ....base.markup import Markup, attrs, html, join
from ....base.model import Question, Quiz
from ....kinds import kind_of
from ....run.routing import SEMINAR, SEMINAR_RUN, Route, href
from ....views.chart import meter
from ....views.context import Screen, ViewContext
from ..spreadsheet import file_name
from ..state import Row, Seminar, path, summary
from .parts import card_name

CSV_LINK = "seminar-csv"  # the shell gives it the spreadsheet as a Blob link (Output.download)


def summary_table(ctx: ViewContext, quiz: Quiz, seminar: Seminar) -> Markup:
    t = ctx.t
    rows = summary(quiz, seminar)
    if not rows:
        return html("<p>{}</p>", t("seminar.summary_nothing"))
    body = join(_row(ctx, path(quiz).index(row.question.id) + 1, row) for row in rows)
    return html(
        '<p class="muted">{tables}</p>'
        '<div class="table-scroll"><table class="seminar-summary">'
        "<caption>{caption}</caption><thead><tr>"
        '<th scope="col">{q}</th><th scope="col">{room}</th><th scope="col">{verdict}</th>'
        '<th scope="col">{note}</th></tr></thead><tbody>{body}</tbody></table></div>',
        tables=t("seminar.tables_n", n=len(seminar.tables)),
        caption=t("seminar.summary_caption"),
        q=t("seminar.col_question"),
        room=t("seminar.col_room"),
        verdict=t("seminar.col_verdict"),
        note=t("seminar.col_note"),
        body=body,
    )


def _row(ctx: ViewContext, n: int, row: Row) -> Markup:
    t = ctx.t
    question = row.question
    counts = join(
        html(
            '<li><span class="summary-card">{name}</span> <span class="summary-bar">{bar}</span> '
            "<span>{n}</span></li>",
            name=card_name(ctx, question, card),
            bar=meter(round(100 * count / row.total) if row.total else 0),
            n=t("seminar.cards_n", n=count),
        )
        for card, count in row.tally.items()
    )
    if not row.total:
        note = t("seminar.note_none")
    elif row.disagrees:
        note = t("seminar.note_disagrees")
    else:
        note = t("seminar.note_agrees")
    return html(
        '<tr{cls}><th scope="row"><span class="muted">{n}.</span> {prompt}</th>'
        '<td><ul class="summary-counts">{counts}</ul></td><td>{verdict}</td>'
        "<td>{note}</td></tr>",
        cls=attrs(class_="disagrees" if row.disagrees else None),
        n=n,
        prompt=ctx.text(question.prompt),
        counts=counts,
        verdict=_verdict(ctx, question, row.verdict),
        note=note,
    )


def _verdict(ctx: ViewContext, question: Question, verdict: tuple[str, ...]) -> Markup:
    """The assessed cards with their words ("C: Avdelingen har gitt …"), not letters alone."""
    items = []
    for card in verdict:
        shown = kind_of(question).card(ctx, question, card)
        items.append(
            html(
                "<li><strong>{}</strong>{}</li>",
                shown.name,
                html(": {}", shown.text) if shown.text else "",
            )
        )
    return html('<ul class="summary-verdict">{}</ul>', join(items))


def summary_screen(ctx: ViewContext, quiz: Quiz, seminar: Seminar) -> Screen:
    t = ctx.t
    title = t("seminar.summary_title", quiz=ctx.text(quiz.title))
    body = html(
        '<section class="seminar-summary-screen"><h1 tabindex="-1">{title}</h1>'
        '<p class="lead">{lead}</p>{table}'
        '<p class="actions no-print">'
        '<button type="button" class="button primary" data-action="print">{print}</button>'
        '<a class="button secondary" id="{csv_id}" download="{csv_name}">{csv}</a>'
        '<a class="button secondary" href="{back}">{back_label}</a>'
        '<a class="button secondary" href="{pick}">{pick_label}</a>'
        '<button type="button" class="button danger"{new}>{new_label}</button></p></section>',
        title=title,
        lead=t("seminar.summary_lead"),
        table=summary_table(ctx, quiz, seminar),
        print=t("seminar.print"),
        csv_id=CSV_LINK,
        csv_name=file_name(quiz, ctx.today),
        csv=t("seminar.download_csv"),
        back=href(Route(SEMINAR_RUN, quiz.id)),
        back_label=t("seminar.back_to_run"),
        pick=href(Route(SEMINAR)),
        pick_label=t("seminar.other_quiz"),
        new=attrs(data_action="seminar-new"),
        new_label=t("seminar.new"),
    )
    return Screen(title, body)
