"""Two tabs of the app on one device (issue 18), the cases test_trust.py leaves out: a
reflection typed in one tab while the other answers, two separate starts of one quiz, a table's
sheet heard from another tab, and what the facilitator reads when a code is refused."""

from __future__ import annotations

import html
import json
import re

from quiz_engine import Catalogue, Content
from quiz_engine.app import App, compose
from quiz_engine.app.effects import Output
from quiz_engine.app.seminar.records import seminar_from_json, sheet_from_json
from quiz_engine.run.saved_format import session_from_json

TEXT = "Jeg ville spurt sekretariatet først."


def send(app: App, **message: object) -> Output:
    out = app.dispatch(json.loads(json.dumps(message)))
    return Output(**json.loads(out.to_json()))


def text_of(page: str | None) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page or "")).split())


def test_a_reflection_typed_in_one_tab_survives_an_answer_in_the_other(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0].id
    key = f"session:{quiz}"
    base = compose(example, catalogues, {})
    started = base.click(f"#/s/{quiz}", "start", {"behaviour": "deferred"}, seed=1).writes[key]
    assert started is not None
    writer = compose(example, catalogues, {key: started})
    answerer = compose(example, catalogues, {key: started})
    typed = writer.draft(f"#/s/{quiz}/4", "refleksjon", TEXT).writes[key]
    answered = answerer.submit(f"#/s/{quiz}/1", {"question": "invitasjon", "choices": ["nei"]})
    # The answering tab wrote after the typing tab: it hears the draft late, and keeps it.
    heard = send(answerer, type="stored", address=f"#/s/{quiz}/2", key=key, value=typed)
    merged = heard.writes[key]
    assert merged is not None
    session = session_from_json(merged)
    assert dict(session.drafts).get("refleksjon") == TEXT
    assert [e.question for e in session.history if e.action == "answer"] == ["invitasjon"]
    # The typing tab hears the merged copy: its text is still there, and the answer too.
    send(writer, type="stored", address=f"#/s/{quiz}/4", key=key, value=merged)
    again = compose(example, catalogues, {key: merged}).boot(f"#/s/{quiz}/4")
    assert TEXT in html.unescape(again.page or "")
    assert answered.writes[key] != merged  # the answer's own write lacked the text


def test_two_separate_starts_of_one_quiz_keep_the_other_set_aside(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    """Both tabs pressed Start (different rounds): the round with more answers goes on in both
    tabs, the other round is set aside, not written over."""
    quiz = example.quizzes[0].id
    key = f"session:{quiz}"
    one = compose(example, catalogues, {}, now=5)
    two = compose(example, catalogues, {}, now=5)
    one.click(f"#/s/{quiz}", "start", {"behaviour": "deferred"}, seed=1)
    mine = one.submit(f"#/s/{quiz}/1", {"question": "invitasjon", "choices": ["nei"]}).writes[key]
    theirs = two.click(f"#/s/{quiz}", "start", {"behaviour": "immediate"}, seed=2).writes[key]
    assert mine is not None and theirs is not None
    heard = send(one, type="stored", address=f"#/s/{quiz}/2", key=key, value=theirs)
    assert heard.writes[key] == mine  # the round with an answer goes on
    assert theirs in heard.writes.values()  # the other is kept under aside:
    assert any(k.startswith(f"aside:{quiz}:") for k, v in heard.writes.items() if v == theirs)
    over = send(two, type="stored", address=f"#/s/{quiz}/1", key=key, value=heard.writes[key])
    assert session_from_json(mine) == two.quiz.plays[quiz].session
    assert key not in over.writes  # the second tab now agrees and writes nothing back


def test_a_tables_sheet_from_another_tab_keeps_both_answers(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    """A table tablet open in two tabs: a card chosen in each is kept in both."""
    table = "#/seminar/eksempel/bord"
    key = "seminar-table:eksempel"
    one, two = compose(example, catalogues, {}), compose(example, catalogues, {})
    for app in (one, two):
        app.boot(table)
    numbered = send(one, type="seminar-form", address=table, form={"form": "table", "table": "5"})
    sheet = numbered.writes[key]
    assert sheet is not None
    send(two, type="stored", address=table, key=key, value=sheet)
    a = send(
        one,
        type="click",
        address=table,
        action="table-choose",
        data={"question": "lys", "card": "green"},
    ).writes[key]
    b = send(
        two,
        type="click",
        address=table,
        action="table-choose",
        data={"question": "habil", "card": "part"},
    ).writes[key]
    assert a is not None and b is not None
    heard_b = send(one, type="stored", address=table, key=key, value=b).writes[key]
    heard_a = send(two, type="stored", address=table, key=key, value=a).writes[key]
    assert heard_a == heard_b and heard_a is not None
    merged = sheet_from_json(heard_a)
    assert merged is not None and merged.table == 5
    assert dict(merged.answers) == {"lys": ("green",), "habil": ("part",)}


def test_the_facilitator_reads_why_a_code_with_table_superscript_two_is_refused(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0].id
    read = f"#/seminar/{quiz}/les"
    app = compose(example, catalogues, {})
    app.boot(read)
    out = send(app, type="seminar-scan", address=read, text=f"FQ1;{quiz};²;-")
    said = "QR-koden kunne ikke leses riktig. Prøv igjen."
    assert said in text_of(out.parts["seminar-read-status"]) and out.announce == said
    kept = seminar_from_json(out.writes.get(f"seminar:{quiz}") or "{}")
    assert kept is None or kept.tables == {}  # nothing of it is counted


def test_the_about_screen_says_what_a_device_keeps_of_a_learner_who_is_gone(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0].id
    about = text_of(compose(example, catalogues, {}, lms_quiz=quiz).show("#/om").page)
    assert "blir fremdriften til hver av dem liggende på enheten under sin kode" in about
    assert "til den samme personen åpner quizen her igjen" in about
    assert "Ingen av dem ser de andres" in about
