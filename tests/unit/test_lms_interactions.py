"""Each answer as a SCORM 1.2 ``cmi.interactions`` row: one row per question, in the file's order,
in SCORM 1.2's vocabulary (the patterns are Moodle's own, mod/scorm/datamodels/scorm_12.js),
with the first round's answers and no text a councillor wrote."""

from __future__ import annotations

import re

import pytest

from quiz_engine import Catalogue, Content, Response, answer, finish, load_content, reset, retry
from quiz_engine.app import compose
from quiz_engine.app.app import App
from quiz_engine.app.lms.interactions import PREFIX, Sheet, letters, outcome, rows, timespan
from quiz_engine.app.lms.part import LmsPart
from quiz_engine.kinds import Attempt, Grade
from quiz_engine.run.play import start
from tests.unit.conftest import ROOT

# What Moodle's SCORM 1.2 run-time accepts for each element (and scorm-again is looser).
MOODLE = {
    "id": r"^[\u0021-\u007E]{0,255}$",
    "type": r"^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$",
    "weighting": r"^-?([0-9]{0,3})(\.[0-9]*)?$",
    "result": r"^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]*)?$",
    "latency": r"^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$",
    # CMIFeedback is a CMIString256; SCORM 1.2's choice vocabulary is characters 0-9 and a-z.
    "student_response": r"^([0-9a-z](,[0-9a-z])*)?$",  # nothing ticked: ""
    "correct_responses.0.pattern": r"^[0-9a-z](,[0-9a-z])*$",
}


def lms_app(content: Content, catalogues: dict[str, Catalogue], **kwargs: object) -> App:
    return compose(content, catalogues, {}, lms_quiz=content.quizzes[0].id, **kwargs)  # type: ignore[arg-type]


def by_row(values: dict[str, str]) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    for key, value in values.items():
        if key.startswith(PREFIX):
            n, _, element = key[len(PREFIX) :].partition(".")
            out.setdefault(int(n), {})[element] = value
    return out


def test_a_launch_lays_out_a_row_per_question_in_the_files_order(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    out = lms_app(example, catalogues).boot("")
    assert out.lms is not None
    keys = [k for k in out.lms if k.startswith(PREFIX)]
    # Written in order, row by row, each starting with its id: an LMS takes row n only when
    # n is at most the rows it has.
    assert [int(k.split(".")[2]) for k in keys] == sorted(int(k.split(".")[2]) for k in keys)
    assert [k for k in keys if k.endswith(".id")] == [
        f"{PREFIX}{n}.id" for n in range(len(quiz.questions))
    ]
    table = by_row(out.lms)
    assert [r["id"] for r in table.values()] == [q.id for q in quiz.questions]
    assert {r["type"] for r in table.values()} == {"choice"}
    assert [r["weighting"] for r in table.values()] == ["1", "1", "1", "1", "0"]
    # The best answer, in letters of the file's order; a reflection has none.
    assert [r.get("correct_responses.0.pattern") for r in table.values()] == [
        "a", "a", "a,b", "a", None,
    ]  # fmt: skip
    assert not any("student_response" in r for r in table.values())
    # The core values come first: a refused row never holds them back (lms.mjs).
    first = next(iter(out.lms))
    assert first.startswith("cmi.core.") or first == "cmi.suspend_data"


def test_every_kind_reports_its_answer_in_scorm_12_vocabulary_and_no_text(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    app = lms_app(example, catalogues)
    app.boot("")
    base = f"#/s/{quiz.id}"
    app.click(base, "start", {"behaviour": "immediate"}, seed=3)
    reported: dict[str, str] = {}
    moves = [
        ("invitasjon", {"choices": ["ja"]}),  # branching: the second option
        ("etter-middagen", {"choices": ["meld"]}),  # single
        ("habil", {"choices": ["part"], "confidence": "2"}),  # multiple: one of two right
        ("lys", {"choices": ["yellow"]}),  # traffic light: half credit
        ("refleksjon", {"text": "Mitt hemmelige svar", "ticked": ["meld-fra"]}),
    ]
    for n, (question, form) in enumerate(moves, start=1):
        out = app.submit(f"{base}/{n}", {"question": question, **form})
        assert out.lms is not None, question
        reported.update(out.lms)
    table = by_row(reported)
    got = {quiz.questions[n].id: (r["student_response"], r["result"]) for n, r in table.items()}
    assert got == {
        "invitasjon": ("b", "wrong"),
        "etter-middagen": ("a", "correct"),
        "habil": ("a", "0.5"),
        "lys": ("b", "0.5"),
        "refleksjon": ("b", "neutral"),
    }
    # The text goes only into the saved progress (cmi.suspend_data), never into a row.
    assert not any("hemmelige" in v for k, v in reported.items() if k.startswith(PREFIX))
    for key, value in reported.items():
        if key.startswith(PREFIX):
            element = key.split(".", 3)[3]
            assert re.match(MOODLE[element], value), (key, value)


def test_the_latency_runs_from_the_questions_first_showing_to_the_answer(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    app = lms_app(example, catalogues, now=1_000)
    app.boot(f"#/s/{quiz.id}")
    app.dispatch({"type": "click", "address": f"#/s/{quiz.id}", "action": "start",
                  "data": {"behaviour": "immediate"}, "now": 2_000})  # fmt: skip
    app.dispatch({"type": "show", "address": f"#/s/{quiz.id}/1", "now": 2_500})
    app.dispatch({"type": "show", "address": f"#/s/{quiz.id}/1", "now": 9_000})  # shown again
    out = app.dispatch({"type": "submit", "address": f"#/s/{quiz.id}/1", "now": 85_950,
                        "form": {"question": "invitasjon", "choices": ["nei"]}})  # fmt: skip
    assert out.lms is not None
    assert out.lms[f"{PREFIX}0.latency"] == "0000:01:23.45"
    # Only the row that changed goes again, with the status and the progress.
    assert [k for k in out.lms if k.startswith(PREFIX)] == [
        f"{PREFIX}0.student_response", f"{PREFIX}0.result", f"{PREFIX}0.latency",
    ]  # fmt: skip
    assert timespan(0) == "0000:00:00.00" and timespan(3_600_000 * 10_001) == "9999:00:00.00"


def test_a_retry_improves_the_score_but_the_rows_keep_the_first_round(example: Content) -> None:
    quiz = example.quizzes[0]
    play = start(quiz, "immediate", seed=1)
    play = answer(quiz, play, "invitasjon", Response(choices=("nei",)))
    play = answer(quiz, play, "habil", Response(choices=("fetter",)), confidence=1)
    play = answer(quiz, play, "lys", Response(choices=("red",)))
    play = finish(quiz, answer(quiz, play, "refleksjon", Response(ticked=())))
    sheet = Sheet(quiz)
    first = sheet.values(play.session)
    assert first[f"{PREFIX}2.student_response"] == "c"
    assert first[f"{PREFIX}2.result"] == "wrong"
    play = retry(quiz, play)
    play = answer(quiz, play, "habil", Response(choices=("part", "sosken")), confidence=3)
    assert sheet.values(play.session, now=5) == {}  # nothing to tell: the rows stand
    # A start-over: each row changes only when its question is answered again.
    play = reset(quiz, play)
    assert sheet.values(play.session, now=6) == {}
    play = answer(quiz, start(quiz, "immediate", seed=1), "invitasjon", Response(choices=("ja",)))
    assert rows(quiz, play.session)[f"{PREFIX}0.student_response"] == "b"


def test_another_device_writes_the_rows_of_the_lms_progress_without_latency(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    app = lms_app(example, catalogues)
    app.boot("")
    app.click(f"#/s/{quiz.id}", "start", {"behaviour": "immediate"}, seed=3)
    out = app.submit(f"#/s/{quiz.id}/1", {"question": "invitasjon", "choices": ["nei"]})
    assert out.lms is not None
    there = lms_app(example, catalogues, suspend_data=out.lms["cmi.suspend_data"])
    values = there.boot("").lms
    assert values is not None
    table = by_row(values)
    assert table[0]["student_response"] == "a" and table[0]["result"] == "correct"
    assert len(table) == len(quiz.questions)
    assert not any("latency" in r for r in table.values())


def test_partial_credit_is_a_plain_decimal(example: Content) -> None:
    question = example.quizzes[0].questions[3]
    for fraction, written in ((0.5, "0.5"), (1 / 3, "0.33"), (0.996, "1")):
        attempt = Attempt(
            question.id, Response(choices=("yellow",)), None, Grade(fraction, "partly"), 1
        )
        assert outcome(question, attempt) == written


def test_letters_follow_the_file_not_the_screen() -> None:
    assert letters(("red", "yellow", "green"), ("green", "red")) == "a,c"
    assert letters(("x",), ()) == ""


@pytest.fixture(scope="module")
def real() -> Content:
    return load_content([ROOT / "scenarios"])


def test_every_question_of_the_real_content_makes_a_valid_row(real: Content) -> None:
    for quiz in real.quizzes:
        values = rows(quiz, None)
        assert len([k for k in values if k.endswith(".id")]) == len(quiz.questions)
        for key, value in values.items():
            element = key.split(".", 3)[3]
            assert re.match(MOODLE[element], value), (quiz.id, key, value)
        assert all(len(q.options) <= 36 and len(q.key_points) <= 36 for q in quiz.questions)


def test_the_rows_go_once_and_the_status_every_time(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    app = lms_app(example, catalogues)
    assert isinstance(app.lms, LmsPart)
    assert any(k.startswith(PREFIX) for k in app.lms.values())
    again = app.lms.values()
    assert "cmi.core.lesson_status" in again
    assert not any(k.startswith(PREFIX) for k in again)
