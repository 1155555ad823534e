"""The seminar's summary as a spreadsheet a facilitator keeps: read back with Python's ``csv``
from the bytes a browser's Blob holds (UTF-8), as Excel in Norway opens it (byte-order mark,
semicolons), with the room's cards per light or option and the assessment."""

from __future__ import annotations

import csv
import dataclasses
import io

from quiz_engine import Catalogue, Content, Text
from quiz_engine.app import compose
from quiz_engine.app.seminar import state as st
from quiz_engine.app.seminar.records import seminar_to_json
from quiz_engine.app.seminar.spreadsheet import file_name, summary_csv
from quiz_engine.base.names import SEMINAR_KEY
from quiz_engine.views.context import ViewContext


def counted(content: Content) -> st.Seminar:
    quiz = content.quizzes[0]
    s = st.Seminar(quiz.id)
    for card, n in (("red", 2), ("yellow", 5), ("green", 1)):
        for _ in range(n):
            s = st.count(quiz, s, "lys", card, 1)
    s = st.count(quiz, s, "invitasjon", "nei", 1)
    # A table's answers count too.
    return st.hand_in(s, 3, {"habil": ("part", "sosken"), "lys": ("red",)})


def read_back(text: str) -> list[list[str]]:
    data = text.encode("utf-8")  # what the Blob holds
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    assert b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_one_row_per_question_with_the_cards_and_the_assessment(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    ctx = ViewContext(example, catalogues["nb"])
    table = read_back(summary_csv(ctx, quiz, counted(example)))
    header, *rows = table
    assert header == [
        "Nr.", "Spørsmål", "A", "B", "C", "Rødt lys", "Gult lys", "Grønt lys",
        "Kort i alt", "Vurderingen", "Merknad",
    ]  # fmt: skip
    by_number = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    # The room's path: the reflection holds no cards and has no row.
    assert list(by_number) == ["1", "2", "3"]
    lys = by_number["3"]
    assert (lys["Rødt lys"], lys["Gult lys"], lys["Grønt lys"]) == ("3", "5", "1")
    assert lys["Kort i alt"] == "9" and lys["Vurderingen"] == "Rødt lys"
    assert lys["Merknad"] == "Salen var uenig: verdt en samtale"
    assert lys["A"] == "" and lys["Spørsmål"].startswith("Formannskapet takker ja")
    habil = by_number["2"]
    assert (habil["A"], habil["B"], habil["C"], habil["Vurderingen"]) == ("1", "1", "0", "A, B")
    assert habil["Merknad"] == "Salen var enig med vurderingen"
    assert by_number["1"]["Kort i alt"] == "1"
    # Æ, ø and å come back as written, in both languages.
    assert "æ" in "".join(habil.values()) or "ø" in "".join(habil.values())
    nn = read_back(summary_csv(ViewContext(example, catalogues["nn"]), quiz, counted(example)))
    assert nn[0][1] == "Spørsmål" and "Raudt lys" in nn[0]


def test_a_question_cannot_run_as_a_formula(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    evil = Text('=HYPERLINK("https://evil.example";"klikk")', "@SUM(1)")
    questions = tuple(dataclasses.replace(q, prompt=evil) for q in quiz.questions)
    quiz = dataclasses.replace(quiz, questions=questions)
    content = dataclasses.replace(example, quizzes=(quiz,))
    rows = read_back(summary_csv(ViewContext(content, catalogues["nb"]), quiz, counted(content)))
    assert {row[1] for row in rows[1:]} == {"'" + evil.nb}


def test_the_summary_screen_offers_the_file_as_a_link(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    records = {SEMINAR_KEY + quiz.id: seminar_to_json(counted(example))}
    app = compose(example, catalogues, records)
    out = app.dispatch(
        {"type": "show", "address": f"#/seminar/{quiz.id}/oppsummering", "today": "2026-12-04"}
    )
    assert out.download is not None and out.download["id"] == "seminar-csv"
    assert out.download["type"] == "text/csv;charset=utf-8"
    assert read_back(out.download["text"])[3][5] == "3"
    assert (
        '<a class="button secondary" id="seminar-csv" '
        'download="seminar-eksempel-2026-12-04.csv">Last ned som regneark (CSV)</a>'
    ) in str(out.page)
    # Other screens offer nothing.
    assert app.dispatch({"type": "show", "address": f"#/seminar/{quiz.id}"}).download is None
    assert file_name(quiz, "") == "seminar-eksempel.csv"
