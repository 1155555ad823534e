"""Nothing leaked, nothing lost, never stuck (issue 18): a shared device in an LMS, two copies
meeting, hostile stored and received values, two tabs, storage full, deleting one's data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quiz_engine import Catalogue, Content, Response, answer, finish, load_content, start
from quiz_engine.app import compose
from quiz_engine.app.lms.codec import decode, encode
from quiz_engine.app.lms.learner import learner_hash
from quiz_engine.app.seminar.payload import PayloadError
from quiz_engine.app.seminar.payload import decode as read_code
from quiz_engine.app.seminar.records import seminar_from_json, seminar_to_json, sheet_to_json
from quiz_engine.app.seminar.state import Seminar
from quiz_engine.app.seminar.table import Sheet
from quiz_engine.base.bounded import Refused, json_value, whole
from quiz_engine.run.play import can_answer, play_of
from quiz_engine.run.saved_format import session_from_json, session_to_json

ROOT = Path(__file__).resolve().parents[2]
REFLECTION = "Jeg mener partiet mitt tar feil om innvandring."


@pytest.fixture(scope="module")
def real() -> Content:
    return load_content([ROOT / "scenarios"])


def finished_with_reflection(content: Content) -> tuple[str, str]:
    """Learner A's finished quiz (every answer best, a reflection with an opinion in it)."""
    quiz = content.quizzes[0]
    play = start(quiz, "immediate", seed=5)
    for question in quiz.questions:
        if not can_answer(play, question.id):
            continue  # off the branch taken
        if question.kind == "reflection":
            response = Response(text=REFLECTION, ticked=tuple(p.id for p in question.key_points))
        else:
            response = Response(tuple(o.id for o in question.options if o.correct))
        confidence = 3 if question.confidence else None
        play = answer(quiz, play, question.id, response, confidence)
    return quiz.id, session_to_json(finish(quiz, play).session)


# -- a shared device in an LMS -----------------------------------------------------------------


def test_learner_b_gets_nothing_of_learner_a(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    """Learner A finished on the tablet; learner B launches with an empty LMS record."""
    quiz_id, session = finished_with_reflection(example)
    a = compose(example, catalogues, {}, lms_quiz=quiz_id, learner="anne", now=1)
    a_writes = a.boot("").writes
    device = {f"session:{quiz_id}": session, **{k: v for k, v in a_writes.items() if v}}
    assert "anne" not in json.dumps(device)  # only a hash of the id is stored
    assert device[f"owner:{quiz_id}"] == learner_hash("anne")

    b = compose(example, catalogues, device, lms_quiz=quiz_id, learner="bjorn", now=2)
    out = b.boot("")
    assert out.lms is not None
    assert out.lms["cmi.core.lesson_status"] == "incomplete"
    assert "cmi.core.score.raw" not in out.lms and out.lms["cmi.suspend_data"] == ""
    assert REFLECTION not in str(out.page) and quiz_id not in b.quiz.plays
    results = b.show(f"#/s/{quiz_id}/resultat")
    assert REFLECTION not in str(results.page) and "100 %" not in str(results.page)
    # A's copy is kept for A, under A's hash, not deleted and not shown.
    kept = f"lms-kept:{learner_hash('anne')}:{quiz_id}"
    assert out.writes[kept] == session and out.writes[f"session:{quiz_id}"] is None
    assert out.writes[f"owner:{quiz_id}"] == learner_hash("bjorn")

    # A comes back to the tablet: A's own progress returns.
    after_b = {k: v for k, v in {**device, **out.writes}.items() if v is not None}
    back = compose(example, catalogues, after_b, lms_quiz=quiz_id, learner="anne", now=3)
    values = back.boot("").lms
    assert values is not None and values["cmi.core.score.raw"] == "100"
    assert back.quiz.plays[quiz_id].state.finished


def test_a_copy_of_nobody_known_is_set_aside_and_never_reported(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    """Saved outside an LMS, or before learners were told apart, or with no learner id."""
    quiz_id, session = finished_with_reflection(example)
    for learner in ("bjorn", ""):
        app = compose(
            example, catalogues, {f"session:{quiz_id}": session}, lms_quiz=quiz_id, learner=learner
        )
        out = app.boot("")
        assert out.lms is not None and out.lms["cmi.core.lesson_status"] == "incomplete"
        assert f"aside:{quiz_id}:0" in out.writes and quiz_id not in app.quiz.plays


def test_a_new_attempt_with_an_empty_lms_record_starts_fresh(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz_id, session = finished_with_reflection(example)
    records = {f"session:{quiz_id}": session, f"owner:{quiz_id}": learner_hash("anne")}
    same = compose(example, catalogues, records, lms_quiz=quiz_id, learner="anne", entry="resume")
    assert same.quiz.plays[quiz_id].state.finished  # the LMS missed the commits: the device's
    fresh = compose(
        example, catalogues, records, lms_quiz=quiz_id, learner="anne", entry="ab-initio", now=9
    )
    out = fresh.boot("")
    assert quiz_id not in fresh.quiz.plays and out.writes[f"aside:{quiz_id}:9"] == session
    assert out.lms is not None and out.lms["cmi.suspend_data"] == ""


def test_the_lms_copy_over_the_device_copy_sets_the_device_copy_aside(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    """4 answers on the device, the LMS holds 1 (another device): the LMS's goes on and the
    device's 4 are set aside with a notice, not written over."""
    quiz = example.quizzes[0]
    one = answer(quiz, start(quiz, "immediate", seed=1), "invitasjon", Response(("ja",)))
    data = encode(quiz, one.session, texts=False)
    four = start(quiz, "immediate", seed=2)
    four = answer(quiz, four, "invitasjon", Response(("nei",)))
    four = answer(quiz, four, "habil", Response(("part",)), 2)
    four = answer(quiz, four, "lys", Response(("red",)))
    four = answer(quiz, four, "refleksjon", Response(text=REFLECTION))
    local = session_to_json(four.session)
    records = {f"session:{quiz.id}": local, f"owner:{quiz.id}": learner_hash("anne")}
    app = compose(
        example, catalogues, records, lms_quiz=quiz.id, suspend_data=data, learner="anne", now=7
    )
    out = app.boot("")
    assert out.writes[f"aside:{quiz.id}:7"] == local
    assert len(app.quiz.plays[quiz.id].state.answers) == 1
    assert "fremdrift enn denne enheten" in str(out.notices)


def test_reflection_texts_are_not_sent_to_the_lms(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    app = compose(example, catalogues, {}, lms_quiz=quiz.id, learner="anne")
    app.click(f"#/s/{quiz.id}", "start", {"behaviour": "deferred"}, seed=3)
    app.submit(f"#/s/{quiz.id}/1", {"question": "invitasjon", "choices": ["nei"]})
    app.submit(f"#/s/{quiz.id}/2", {"question": "habil", "choices": ["part"], "confidence": "2"})
    app.submit(f"#/s/{quiz.id}/3", {"question": "lys", "choices": ["red"]})
    app.draft(f"#/s/{quiz.id}/4", "refleksjon", REFLECTION)
    out = app.submit(
        f"#/s/{quiz.id}/4", {"question": "refleksjon", "text": REFLECTION, "ticked": ["meld-fra"]}
    )
    assert out.lms is not None
    data = out.lms["cmi.suspend_data"]
    assert REFLECTION not in json.dumps(out.lms) and "innvandring" not in data
    event = decode(quiz, data).history[-1]
    assert event.response is not None and event.response.ticked == ("meld-fra",)
    assert event.response.text == ""
    # The device keeps the whole text.
    assert REFLECTION in str(out.writes[f"session:{quiz.id}"])


def test_a_launch_whose_lms_failed_says_nothing_will_be_recorded(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    app = compose(example, catalogues, {}, lms_failed=True)
    out = app.boot("")
    assert "blir ikke registrert" in str(out.notices) and out.lms is None
    assert "Læringsplattformen får" not in str(out.page)  # the footer promises nothing
    waiting = app.dispatch({"type": "notice", "key": "shell.lms_waiting"})
    assert "ikke sendt til læringsplattformen ennå \u2013 vi prøver igjen" in str(waiting.notices)
    back = app.dispatch({"type": "notice", "key": "shell.lms_waiting", "off": True})
    assert "vi prøver igjen" not in str(back.notices)


# -- hostile stored and received values ----------------------------------------------------------

DEEP = "[" * 5000 + "]" * 5000
HOSTILE = [
    "²",
    "9" * 5000,
    "-1",
    "",
    " 1",
    "1e3",
    "٣",
    DEEP,
    '{"a":' * 5000 + "1" + "}" * 5000,
    "null",
    "[]",
    '"text"',
    "1",
    "{}",
    '{"format": 1}',
    "x" * 100_000,
    "\ud800",
    '{"format":"folkevalgt-quiz/session","version":2,"quiz":"QUIZ","behaviour":"immediate",'
    '"seed":1,"history":' + DEEP + ',"drafts":{}}',
]


def addresses(content: Content) -> list[str]:
    quiz = content.quizzes[0].id
    return [
        "",
        "#/",
        "#/om",
        f"#/s/{quiz}",
        f"#/s/{quiz}/1",
        f"#/s/{quiz}/²",
        f"#/s/{quiz}/resultat",
        f"#/s/{quiz}/utskrift",
        f"#/s/{quiz}/ny-start",
        "#/seminar",
        f"#/seminar/{quiz}",
        f"#/seminar/{quiz}/les",
        f"#/seminar/{quiz}/oppsummering",
        f"#/seminar/{quiz}/bord",
        "#/nowhere",
    ]


def records_with(content: Content, value: str) -> dict[str, str]:
    quiz = content.quizzes[0].id
    keys = [f"session:{quiz}", f"where:{quiz}", f"seminar:{quiz}", f"seminar-table:{quiz}"]
    keys += ["pending-draft", "lang", "last", f"owner:{quiz}", f"lms-kept:x:{quiz}"]
    return {key: value.replace("QUIZ", quiz) for key in keys}


@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: repr(v[:12]) + f"-{len(v)}")
def test_the_app_always_starts_on_hostile_records(
    example: Content, catalogues: dict[str, Catalogue], value: str
) -> None:
    """Every record the app reads holds the value; every address; standalone and in an LMS."""
    quiz = example.quizzes[0].id
    for lms in ("", quiz):
        records = records_with(example, value)
        app = compose(example, catalogues, records, now=4, lms_quiz=lms, learner="x")
        for address in addresses(example):
            out = app.boot(address)
            assert out.page or out.redirect
        kept = {k: v for k, v in out.writes.items() if k.startswith(("aside:", "lms-kept:"))}
        damaged = {k for k, v in records.items() if v == value} - {"lang", "last"}
        if value not in ("1",):  # a quiz's position 1 is a good value
            assert damaged <= {k for k, v in out.writes.items() if v is None} | set(records), (
                "nothing is deleted without being set aside"
            )
        assert all(v is not None for v in kept.values())


def test_set_aside_records_say_so(example: Content, catalogues: dict[str, Catalogue]) -> None:
    quiz = example.quizzes[0].id
    app = compose(example, catalogues, records_with(example, "²"), now=4)
    out = app.boot("")
    assert out.writes[f"aside:where:{quiz}:4"] == "²" and out.writes[f"where:{quiz}"] is None
    assert out.writes[f"aside:seminar:{quiz}:4"] == "²"
    assert out.writes["aside:pending-draft:4"] == "²"
    assert "kunne ikke leses" in str(out.notices)


def test_bounded_readers_refuse_with_a_reason() -> None:
    with pytest.raises(Refused, match="nested 5000 deep"):
        json_value(DEEP)
    with pytest.raises(Refused, match="ASCII digits"):
        whole("²")
    with pytest.raises(Refused, match="ASCII digits"):
        whole("9" * 5000)
    with pytest.raises(Refused, match="between"):
        whole("0", 1, 999)
    assert json_value('{"a": "[[[[\\"[["}') == {"a": '[[[["[['}
    with pytest.raises(Exception, match="nested 5000 deep"):
        session_from_json(DEEP)


def test_the_reported_suspend_data_that_looped_for_ever_is_refused(example: Content) -> None:
    quiz = example.quizzes[0]
    for data in (f"1|{quiz.id}|i|7||-3:", f"1|{quiz.id}|i|7||+3:", f"1|{quiz.id}|i|7|-1-0|"):
        with pytest.raises(Exception, match="damaged"):
            decode(quiz, data)


def test_a_qr_code_with_table_superscript_two_is_refused_with_a_reason(example: Content) -> None:
    quiz = example.quizzes[0]
    for table in ("²", "٣", "9" * 20, "100", "0", "-1", " 1"):
        with pytest.raises(PayloadError) as refused:
            read_code(quiz, f"FQ1;{quiz.id};{table};-")
        assert refused.value.reason == "seminar.scan_damaged"


def test_the_facilitator_sees_why_a_code_is_refused(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0].id
    app = compose(example, catalogues, {})
    address = f"#/seminar/{quiz}/les"
    app.show(address)
    out = app.dispatch({"type": "seminar-scan", "address": address, "text": f"FQ1;{quiz};²;-"})
    assert out.announce and out.parts


# -- two tabs ----------------------------------------------------------------------------------


def test_two_tabs_answering_in_the_same_instant_keep_both_answers(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    base = compose(example, catalogues, {})
    base.click(f"#/s/{quiz.id}", "start", {"behaviour": "deferred"}, seed=1)
    started = {f"session:{quiz.id}": session_to_json(base.quiz.plays[quiz.id].session)}
    one, two = compose(example, catalogues, started), compose(example, catalogues, started)
    a = one.submit(f"#/s/{quiz.id}/1", {"question": "invitasjon", "choices": ["nei"]})
    b = two.submit(f"#/s/{quiz.id}/3", {"question": "lys", "choices": ["red"]})
    key = f"session:{quiz.id}"
    # Each tab hears of the other's write (in either order), merges, and writes back.
    heard_a = one.dispatch({"type": "stored", "key": key, "value": b.writes[key]})
    heard_b = two.dispatch({"type": "stored", "key": key, "value": a.writes[key]})
    merged = {one.quiz.plays[quiz.id].session, two.quiz.plays[quiz.id].session}
    assert len(merged) == 1
    (session,) = merged
    assert {e.question for e in session.history} == {"invitasjon", "lys"}
    assert heard_a.writes[key] == heard_b.writes[key] == session_to_json(session)
    # Hearing the merged copy back changes nothing and writes nothing.
    again = one.dispatch({"type": "stored", "key": key, "value": heard_b.writes[key]})
    assert key not in again.writes


def test_the_projector_tab_never_wipes_a_table_the_reader_tab_read(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    """The projector's tab counts a card (+) after the reader's tab added table 3."""
    quiz = example.quizzes[0]
    question = quiz.questions[0]
    projector, reader = compose(example, catalogues, {}), compose(example, catalogues, {})
    run, read = f"#/seminar/{quiz.id}", f"#/seminar/{quiz.id}/les"
    projector.show(run)
    reader.show(read)
    key = f"seminar:{quiz.id}"
    code = f"FQ1;{quiz.id};3;" + ".".join(["A"] + ["-"] * 20)
    from quiz_engine.app.seminar.state import path

    code = f"FQ1;{quiz.id};3;" + ".".join(["A"] + ["-"] * (len(path(quiz)) - 1))
    scanned = reader.dispatch({"type": "seminar-scan", "address": read, "text": code})
    assert 3 in reader.seminar.seminars[quiz.id].tables  # type: ignore[union-attr]
    card = {"question": question.id, "card": question.options[0].id, "delta": "1"}
    # The same instant: the projector counts before it hears of the table.
    counted = projector.dispatch(
        {"type": "click", "address": run, "action": "seminar-count", "data": card}
    )
    p = projector.dispatch({"type": "stored", "key": key, "value": scanned.writes[key]})
    r = reader.dispatch({"type": "stored", "key": key, "value": counted.writes[key]})
    for app in (projector, reader):
        s = app.seminar.seminars[quiz.id]  # type: ignore[union-attr]
        assert 3 in s.tables and s.counts[question.id][question.options[0].id] == 1
    assert p.writes[key] == r.writes[key]
    # Later, in order (the usual case): the projector hears first, then counts again.
    again = projector.dispatch(
        {"type": "click", "address": run, "action": "seminar-count", "data": card}
    )
    kept = seminar_from_json(again.writes[key])
    assert kept is not None and 3 in kept.tables


def test_a_table_sheet_from_another_tab_is_merged() -> None:
    from quiz_engine.app.merge import merge_sheets

    base = Sheet("q", 2, {"a": ("red",)})
    mine = Sheet("q", 2, {"a": ("red",), "b": ("green",)})
    theirs = Sheet("q", 2, {"a": ("red",), "c": ("yellow",)})
    assert merge_sheets(base, mine, theirs) == merge_sheets(base, theirs, mine)
    assert set(merge_sheets(base, mine, theirs).answers) == {"a", "b", "c"}
    assert sheet_to_json(merge_sheets(None, mine, mine)) == sheet_to_json(mine)
    assert seminar_to_json(Seminar("q")) == seminar_to_json(Seminar("q"))


# -- storage full, and deleting one's data ---------------------------------------------------------


def test_storage_full_at_start_shows_what_is_saved_and_says_new_answers_cannot_be(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz_id, session = finished_with_reflection(example)
    app = compose(
        example, catalogues, {f"session:{quiz_id}": session}, persistent=False, storage_full=True
    )
    out = app.boot(f"#/s/{quiz_id}/resultat")
    assert "100 %" in str(out.page)
    assert "nye svar kan ikke lagres" in str(out.notices)
    assert "lar oss ikke lagre noe" not in str(out.notices)


def test_delete_my_data_asks_then_deletes_every_record_and_the_app_goes_on(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz_id, session = finished_with_reflection(example)
    app = compose(example, catalogues, {f"session:{quiz_id}": session, "lang": "nb"})
    about = str(app.boot("#/om").page)
    assert 'data-action="forget"' in about and "Slett alt verktøyet har lagret" in about
    asked = app.click("#/om", "forget", {})
    assert "Vil du slette alt" in str(asked.page) and not asked.forget
    assert asked.focus == "#forget-yes"
    no = app.click("#/om", "forget-no", {})
    assert "Vil du slette alt" not in str(no.page) and quiz_id in app.quiz.plays
    app.click("#/om", "forget", {})
    done = app.click("#/om", "forget-yes", {})
    assert done.forget and quiz_id not in app.quiz.plays
    assert "er slettet" in str(done.notices) and "er slettet" in done.announce
    # The app goes on working: a new round starts and is saved.
    out = app.click(f"#/s/{quiz_id}", "start", {"behaviour": "immediate"}, seed=1)
    assert f"session:{quiz_id}" in out.writes


# -- the privacy statement per mode --------------------------------------------------------------


def privacy(app: object) -> str:
    return str(app.show("#/om").page)  # type: ignore[attr-defined]


def test_the_privacy_statement_fits_each_mode(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    from quiz_engine.app.lms.interactions import Sheet
    from quiz_engine.app.lms.policy import cmi_values
    from quiz_engine.views.about_privacy import SENT

    quiz = example.quizzes[0]
    alone = privacy(compose(example, catalogues, {}))
    assert 'data-mode="standalone"' in alone and "Ingenting." in alone
    framed = privacy(compose(example, catalogues, {}, framed=True))
    assert 'data-mode="embed"' in framed and "gjette om et svar var riktig" in framed
    lms = privacy(compose(example, catalogues, {}, lms_quiz=quiz.id))
    assert 'data-mode="lms"' in lms and "sendes ikke" in lms and "bruker-ID" in lms
    # What the policy sends is what the statement lists (the browser tests add the traffic).
    _, session = finished_with_reflection(example)
    played = play_of(quiz, session_from_json(session))
    rows = Sheet(quiz).values(session_from_json(session))
    # A row's latency is sent with an answer given in this launch (the browser test sees it).
    elements = set(cmi_values(quiz, played)) | {"cmi.core.session_time"} | set(rows)
    elements.add("cmi.interactions.0.latency")
    assert {re.sub(r"\.\d+(?=\.)", ".n", e) for e in elements} == set(SENT["lms"])
    nn = compose(example, catalogues, {"lang": "nn"})
    assert "Ingenting." in privacy(nn) and "Slett dataa dine" in privacy(nn)


def test_an_edition_names_the_kommune_as_controller_and_its_ombud(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    from quiz_engine.base.edition import Contact, Edition

    edition = Edition(
        name="Fjellvik kommune",
        contacts={"personvern": Contact(name="Personvernombodet", email="pv@fjellvik.no")},
    )
    text = privacy(compose(example, catalogues, {}, edition=edition))
    assert "Fjellvik kommune er behandlingsansvarlig" in text
    assert "Personvernombud: Personvernombodet (pv@fjellvik.no)" in text
