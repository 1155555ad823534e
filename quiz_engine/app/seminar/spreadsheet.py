"""The seminar's summary as a spreadsheet: CSV the way Excel opens it in Norway.

One row per question on the room's path: its number, the question, then a column per card the
quiz uses ("Rødt lys", "Gult lys", "Grønt lys", "A", "B" …, in the order they first appear)
with how many of that card the room held up, the cards in all, the assessment and the note
(agreed, disagreed, not counted). Written as Excel in a Norwegian locale reads a double-clicked
file: UTF-8 with a byte-order mark (without it Excel reads "æøå" as Windows-1252), semicolons
between fields (its list separator, since the comma is the decimal sign), CRLF line ends.

The engine writes the text; the shell only offers it as a file (``Output.download``).
"""

from __future__ import annotations

import csv
import io

from ...base.model import Quiz
from ...kinds import kind_of
from ...views.context import ViewContext
from .state import Seminar, path, summary

BOM = "\ufeff"
MEDIA_TYPE = "text/csv;charset=utf-8"
# A cell starting with one of these is a formula to a spreadsheet: text is written with a
# leading apostrophe, so a question can never run as one (OWASP's "CSV injection").
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA) else value


def file_name(quiz: Quiz, today: str) -> str:
    """``seminar-lillevik-2026-12-04.csv`` (without the date when the device did not say)."""
    return f"seminar-{quiz.id}{'-' + today if today else ''}.csv"


def summary_csv(ctx: ViewContext, quiz: Quiz, seminar: Seminar) -> str:
    """The summary as CSV text, byte-order mark first."""
    t = ctx.t
    rows = summary(quiz, seminar)
    names: list[str] = []
    for row in rows:
        for card in row.tally:
            name = kind_of(row.question).card(ctx, row.question, card).name
            if name not in names:
                names.append(name)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            t("seminar.csv_number"),
            t("seminar.col_question"),
            *names,
            t("seminar.csv_total"),
            t("seminar.col_verdict"),
            t("seminar.col_note"),
        ]
    )
    order = path(quiz)
    for row in rows:
        question = row.question
        kind = kind_of(question)
        counts = {kind.card(ctx, question, c).name: n for c, n in row.tally.items()}
        if not row.total:
            note = t("seminar.note_none")
        elif row.disagrees:
            note = t("seminar.note_disagrees")
        else:
            note = t("seminar.note_agrees")
        writer.writerow(
            [
                order.index(question.id) + 1,
                _text(" ".join(ctx.text(question.prompt).split())),
                *(counts.get(name, "") for name in names),
                row.total,
                _text(", ".join(kind.card(ctx, question, c).name for c in row.verdict)),
                note,
            ]
        )
    return BOM + out.getvalue()
