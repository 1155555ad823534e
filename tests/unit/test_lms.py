"""What a SCORM 1.2 LMS is told, and the saved progress it keeps for us (4,096 characters)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from quiz_engine import (
    Catalogue,
    Content,
    Response,
    SavedStateError,
    answer,
    finish,
    load_content,
    replay,
    reset,
    result,
    retry,
    start,
)
from quiz_engine.app import compose
from quiz_engine.app.lms.codec import SUSPEND_LIMIT, decode, encode, units
from quiz_engine.app.lms.learner import learner_hash
from quiz_engine.app.lms.policy import cmi_values, covers
from quiz_engine.base.model import Question, Quiz
from quiz_engine.kinds import MAX_TEXT, Attempt
from quiz_engine.run.saved_format import session_to_json
from quiz_engine.run.session import Event, Session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real() -> Content:
    return load_content([ROOT / "scenarios"])


def pick(*choices: str) -> Response:
    return Response(choices=choices)


def folded(quiz: Quiz, session: Session) -> tuple[object, ...]:
    state = replay(quiz, session)
    outcome = result(quiz, state)

    # Round numbers are left out: nothing shows them, and a compact history counts fewer.
    def plain(attempts: Mapping[str, Attempt]) -> dict[str, tuple[object, ...]]:
        return {k: (a.response, a.confidence, a.grade) for k, a in attempts.items()}

    return (state.path, state.finished, state.retry_ids, plain(state.answers),
            plain(state.latest), outcome.percent)  # fmt: skip


def test_status_score_and_exit_follow_the_quiz(example: Content) -> None:
    quiz = example.quizzes[0]
    assert cmi_values(quiz, None)["cmi.core.lesson_status"] == "incomplete"
    s = answer(quiz, start(quiz, "immediate", seed=1), "invitasjon", pick("nei"))
    values = cmi_values(quiz, s)
    assert values["cmi.core.lesson_status"] == "incomplete"
    assert values["cmi.core.exit"] == "suspend"
    assert "cmi.core.score.raw" not in values
    s = answer(quiz, s, "habil", pick("part", "sosken"), confidence=3)
    s = answer(quiz, s, "lys", pick("yellow"))
    s = answer(quiz, s, "refleksjon", Response(text="Jeg sier nei.", ticked=("vis-videre",)))
    values = cmi_values(quiz, finish(quiz, s))
    assert values["cmi.core.lesson_status"] == "passed"  # 83 % against a pass mark of 60
    assert (values["cmi.core.score.raw"], values["cmi.core.score.min"]) == ("83", "0")
    assert values["cmi.core.score.max"] == "100"
    assert values["cmi.core.exit"] == ""


def test_failed_below_the_pass_mark_and_completed_without_one(example: Content) -> None:
    quiz = example.quizzes[0]
    s = start(quiz, "deferred", seed=1)
    s = finish(quiz, answer(quiz, s, "invitasjon", pick("ja")))
    assert cmi_values(quiz, s)["cmi.core.lesson_status"] == "failed"
    assert cmi_values(quiz, s)["cmi.core.score.raw"] == "0"
    from dataclasses import replace

    no_mark = replace(quiz, pass_mark=0)
    assert cmi_values(no_mark, s)["cmi.core.lesson_status"] == "completed"


def test_a_retry_round_keeps_the_result_and_suspends(example: Content) -> None:
    quiz = example.quizzes[0]
    s = start(quiz, "deferred", seed=1)
    s = finish(quiz, answer(quiz, s, "invitasjon", pick("ja")))
    s = retry(quiz, s)
    values = cmi_values(quiz, s)
    assert values["cmi.core.lesson_status"] == "failed"
    assert values["cmi.core.exit"] == "suspend"
    assert folded(quiz, decode(quiz, values["cmi.suspend_data"])) == folded(quiz, s.session)


def test_suspend_data_folds_back_to_the_same_progress(example: Content) -> None:
    quiz = example.quizzes[0]
    s = start(quiz, "deferred", seed=123456789)
    s = answer(quiz, s, "invitasjon", pick("ja"))
    s = answer(quiz, s, "habil", pick("part"), confidence=2)
    s = answer(quiz, s, "invitasjon", pick("nei"))  # changed, before finishing
    s = answer(quiz, s, "refleksjon", Response(text="Tekst | med: skilletegn, «æøå» 🙂'"))
    data = encode(quiz, s.session)
    back = decode(quiz, data)
    assert folded(quiz, back) == folded(quiz, s.session)
    assert (back.behaviour, back.seed) == ("deferred", 123456789)
    assert back.history[-1].response == Response(text="Tekst | med: skilletegn, «æøå» 🙂'")
    # What the LMS is sent leaves the texts out (policy.SEND_TEXTS): that is what covers reads.
    assert covers(quiz, s.session, encode(quiz, s.session, texts=False))


def test_many_rounds_take_no_more_room_than_one(example: Content) -> None:
    quiz = example.quizzes[0]
    s = start(quiz, "deferred", seed=1)
    s = finish(quiz, answer(quiz, s, "invitasjon", pick("ja")))
    once = len(encode(quiz, retry(quiz, s).session))
    for _ in range(10):
        s = finish(quiz, answer(quiz, retry(quiz, s), "habil", pick("part"), confidence=1))
    s = retry(quiz, s)
    assert len(encode(quiz, s.session)) <= once + 10
    assert folded(quiz, decode(quiz, encode(quiz, s.session))) == folded(quiz, s.session)
    s = reset(quiz, s)
    assert decode(quiz, encode(quiz, s.session)).history == ()


def worst_answer(question: Question, text: str) -> Event:
    """The longest answer a question can get: every option or point, certainty, a full text."""
    if question.kind == "reflection":
        points = tuple(p.id for p in question.key_points)
        response = Response((), text, points)
    elif question.kind == "multiple":
        response = Response(tuple(o.id for o in question.options))
    else:
        wrong = [o for o in question.options if not o.correct] or list(question.options)
        response = Response((wrong[-1].id,))
    return Event("answer", question.id, response, 3 if question.confidence else None)


def test_the_worst_case_of_every_quiz_fits_in_4096(real: Content) -> None:
    """Every question answered (more than any one path), twice (a retry round), every reflection
    at its longest allowed length in characters that take two UTF-16 units each."""
    text = "🙂" * MAX_TEXT
    sizes = {}
    for quiz in real.quizzes:
        round_ = tuple(worst_answer(q, text) for q in quiz.questions)
        history = (*round_, Event("finish"), Event("retry"), *round_, Event("finish"))
        session = Session(quiz.id, "deferred", 2**31 - 1, history)
        data = encode(quiz, session)
        sizes[quiz.id] = units(data)
        assert units(data) <= SUSPEND_LIMIT, quiz.id
        back = decode(quiz, data)
        texts = [e.response.text for e in back.history if e.response and e.response.text]
        reflections = any(q.kind == "reflection" for q in quiz.questions)
        assert bool(texts) == reflections and all(t.endswith("…") for t in texts), quiz.id
        state, original = replay(quiz, back), replay(quiz, session)
        assert state.finished and state.retry_ids == original.retry_ids
        assert result(quiz, state).percent == result(quiz, original).percent
    longest = max(real.quizzes, key=lambda q: len(q.questions))
    assert sizes[longest.id] <= SUSPEND_LIMIT
    # Short reflections are kept whole.
    quiz = longest
    round_ = tuple(worst_answer(q, "Kort svar.") for q in quiz.questions)
    session = Session(quiz.id, "deferred", 1, (*round_, Event("finish")))
    assert all(
        e.response.text in ("", "Kort svar.") for e in decode(quiz, encode(quiz, session)).history
        if e.response
    )  # fmt: skip


@pytest.mark.parametrize(
    "bad",
    ["", "2|gaver|i|1||", "1|annen|i|1||", "1|QUIZ|x|1||", "1|QUIZ|i|1|zz-0|", "1|QUIZ|i|1|0-9|",
     "1|QUIZ|i|1|0-0'|", "1|QUIZ|i|1|0-0|5:ab", "1|QUIZ|i|1||3:abc"],
)  # fmt: skip
def test_damaged_suspend_data_is_refused(example: Content, bad: str) -> None:
    quiz = example.quizzes[0]
    with pytest.raises(SavedStateError):
        decode(quiz, bad.replace("QUIZ", quiz.id))


def test_the_lms_progress_that_cannot_be_read_is_set_aside_on_the_device_with_a_notice(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    """The first commit writes over the LMS's copy: it is kept on the device first."""
    quiz = example.quizzes[0]
    damaged = f"1|{quiz.id}|i|7||-3:"  # the value that once looped for ever
    app = compose(example, catalogues, {}, lms_quiz=quiz.id, suspend_data=damaged, now=8)
    out = app.boot("")
    assert out.writes[f"aside:lms:{quiz.id}:8"] == damaged
    assert out.lms is not None and out.lms["cmi.suspend_data"] == ""
    assert "fremdriften din, kunne ikke leses" in str(out.notices)
    readable = encode(quiz, start(quiz, "immediate", seed=1).session)
    good = compose(example, catalogues, {}, lms_quiz=quiz.id, suspend_data=readable).boot("")
    assert not any(k.startswith("aside:") for k in good.writes)
    assert "kunne ikke leses" not in str(good.notices)


def test_a_sco_opens_its_quiz_reports_each_answer_and_resumes_from_the_lms(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    app = compose(example, catalogues, {}, lms_quiz=quiz.id)
    out = app.boot("")
    assert out.redirect == f"#/s/{quiz.id}" and out.lms is not None
    assert out.lms["cmi.core.lesson_status"] == "incomplete"
    app.click(f"#/s/{quiz.id}", "start", {"behaviour": "immediate"}, seed=3)
    out = app.submit(f"#/s/{quiz.id}/1", {"question": "invitasjon", "choices": ["nei"]})
    assert out.lms is not None and out.page is not None
    data = out.lms["cmi.suspend_data"]
    assert app.draft(f"#/s/{quiz.id}/1", "refleksjon", "utkast").lms is None
    about = str(app.show("#/om").page)
    assert "Plattformen får nøyaktig dette" in about
    assert "henter verktøyet fremdriften din fra læringsplattformen" in about
    assert "læringsplattformen får bare status" in about.lower()  # the footer

    # Another device: nothing saved there, the LMS's progress is taken (and stored).
    there = compose(example, catalogues, {}, lms_quiz=quiz.id, suspend_data=data)
    out = there.boot(f"#/s/{quiz.id}/2")
    assert out.redirect is None and f"session:{quiz.id}" in out.writes
    assert there.quiz.plays[quiz.id].state.answers.keys() == {"invitasjon"}
    # The same device and learner: its own copy (with whole texts) stays.
    owner = {f"owner:{quiz.id}": learner_hash("ada")}
    records = {f"session:{quiz.id}": session_to_json(app.quiz.plays[quiz.id].session), **owner}
    here = compose(example, catalogues, records, lms_quiz=quiz.id, suspend_data=data, learner="ada")
    assert f"session:{quiz.id}" not in here.boot(f"#/s/{quiz.id}/2").writes
    # The LMS missed the last commits (it stopped answering, the page was closed): this
    # device is further, so its copy stays and the first values bring the LMS up to date.
    further = app.submit(f"#/s/{quiz.id}/2", {"question": "habil", "choices": ["part"],
                                             "confidence": "2"})  # fmt: skip
    assert further.lms is not None
    records = {f"session:{quiz.id}": session_to_json(app.quiz.plays[quiz.id].session), **owner}
    ahead = compose(
        example, catalogues, records, lms_quiz=quiz.id, suspend_data=data, learner="ada"
    )
    out = ahead.boot(f"#/s/{quiz.id}/2")
    assert out.lms is not None and out.lms["cmi.suspend_data"] == further.lms["cmi.suspend_data"]
    assert ahead.quiz.plays[quiz.id].state.answers.keys() == {"invitasjon", "habil"}
    # Damaged LMS data: the device's copy, or a clean start; never a crash.
    assert compose(example, catalogues, {}, lms_quiz=quiz.id, suspend_data="x|").quiz.plays == {}
    # Outside an LMS nothing is reported and the privacy text is the plain one.
    plain = compose(example, catalogues, {})
    assert plain.boot("").lms is None
    assert "Plattformen" not in str(plain.show("#/om").page)
