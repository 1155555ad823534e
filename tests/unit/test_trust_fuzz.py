"""Generated hostile values (hypothesis): the suspend-data codec always answers in time, and the
app always starts, whatever the device's records hold and whatever the LMS sends."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz_engine import Catalogue, Content, SavedStateError
from quiz_engine.app import compose
from quiz_engine.app.lms.codec import decode
from quiz_engine.app.seminar.payload import PayloadError
from quiz_engine.app.seminar.payload import decode as read_code

LIMIT_S = 2.0


@contextmanager
def time_limit(seconds: float = LIMIT_S) -> Iterator[None]:
    """Fail (not hang) when the code under test loops: the reported suspend data looped for
    ever while memory grew."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


FAST = settings(
    max_examples=300,
    deadline=timedelta(milliseconds=500),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz-+²٣ '*|:,"
# Pieces of suspend data: real-looking parts, signs, Unicode digits, separators.
token = st.text(alphabet=DIGITS, max_size=12)


def suspend_data(quiz_id: str) -> st.SearchStrategy[str]:
    head = st.sampled_from(["1", "1", "1", "1", "2", "", "1 ", "¹"])
    quiz = st.sampled_from([quiz_id, quiz_id, quiz_id, "", "annen"])
    behaviour = st.sampled_from(["i", "d", "x", ""])
    events = st.lists(token, max_size=30).map(",".join)
    length = st.one_of(st.integers(min_value=-6, max_value=12).map(str), token)
    texts = st.lists(st.tuples(length, st.text(max_size=5)), max_size=10).map(
        lambda parts: "".join(f"{n}:{t}" for n, t in parts)
    )
    structured = st.tuples(head, quiz, behaviour, token, events, texts).map("|".join)
    # A good head, so that what follows is read: the texts' lengths (where "-3:" looped).
    good = st.tuples(events, texts).map(lambda p: f"1|{quiz_id}|i|7|{p[0]}|{p[1]}")
    other = st.one_of(st.text(max_size=300), st.text(alphabet=DIGITS, max_size=4096))
    return st.one_of(good, structured, other)


@FAST
@given(data=st.data())
def test_the_codec_refuses_or_reads_every_value_in_time(
    example: Content, data: st.DataObject
) -> None:
    quiz = example.quizzes[0]
    value = data.draw(suspend_data(quiz.id))
    with time_limit():
        try:
            session = decode(quiz, value)
        except SavedStateError:
            return
    assert session.quiz == quiz.id


@FAST
@given(
    text=st.one_of(st.text(max_size=200), st.text(alphabet="FQ1;-.ABCD0123456789²٣", max_size=80))
)
def test_a_qr_text_is_read_or_refused_with_a_reason(example: Content, text: str) -> None:
    quiz = example.quizzes[0]
    with time_limit():
        try:
            read_code(quiz, text)
        except PayloadError as refused:
            assert refused.reason.startswith("seminar.scan_")


# Generated JSON of every shape: wrong types, deep nesting, long strings, odd numbers.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def record_values(quiz_id: str) -> st.SearchStrategy[str]:
    session_like = st.fixed_dictionaries(
        {
            "format": st.sampled_from(["folkevalgt-quiz/session", "x"]),
            "version": st.sampled_from([1, 2, "2", 2.0, True]),
            "quiz": st.sampled_from([quiz_id, "", 1]),
            "behaviour": st.sampled_from(["immediate", "deferred", None]),
            "seed": json_values,
            "history": json_values,
            "drafts": json_values,
        }
    ).map(json.dumps)
    seminar_like = st.fixed_dictionaries(
        {
            "format": st.sampled_from([1, "1"]),
            "quiz": st.sampled_from([quiz_id, 5]),
            "step": json_values,
            "counts": json_values,
            "tables": st.dictionaries(st.sampled_from(["1", "²", "-1", "99", "100"]), json_values),
            "timer": json_values,
        }
    ).map(json.dumps)
    deep = st.integers(min_value=1, max_value=6000).map(lambda n: "[" * n + "]" * n)
    digits = st.text(alphabet="0123456789²٣¹-+ e.", max_size=40)
    return st.one_of(
        json_values.map(json.dumps), session_like, seminar_like, deep, digits, st.text(max_size=60)
    )


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_the_app_always_starts_on_generated_records(
    example: Content, catalogues: dict[str, Catalogue], data: st.DataObject
) -> None:
    quiz = example.quizzes[0].id
    keys = [f"session:{quiz}", f"where:{quiz}", f"seminar:{quiz}", f"seminar-table:{quiz}"]
    keys += ["pending-draft", "lang", "last", f"owner:{quiz}", f"lms-kept:x:{quiz}"]
    records = {key: data.draw(record_values(quiz), label=key) for key in keys}
    lms = data.draw(st.sampled_from(["", quiz]))
    suspend = data.draw(suspend_data(quiz)) if lms else ""
    address = data.draw(
        st.sampled_from(
            [
                "",
                "#/om",
                f"#/s/{quiz}/1",
                f"#/s/{quiz}/resultat",
                f"#/seminar/{quiz}",
                f"#/seminar/{quiz}/bord",
                f"#/seminar/{quiz}/les",
            ]
        )
    )
    with time_limit(10):
        app = compose(
            example, catalogues, records, now=1, lms_quiz=lms, suspend_data=suspend, learner="x"
        )
        out = app.boot(address)
    assert out.page or out.redirect
    # Nothing that could not be read is dropped: it is set aside or left where it was.
    for key, value in records.items():
        if out.writes.get(key, value) is None:
            assert value in out.writes.values(), key


@pytest.mark.parametrize("depth", [1000, 5000, 100_000])
def test_deep_records_never_reach_the_json_parser(
    example: Content, catalogues: dict[str, Catalogue], depth: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In Pyodide a record nested 5,000 deep overflowed the WebAssembly stack inside
    ``json.loads``, before a RecursionError could be caught: no such record may reach it."""
    import json as stdlib_json

    real = stdlib_json.loads

    def guarded(text: str, *args: object, **kwargs: object) -> object:
        assert text.count("[") < 100 or not text.startswith("[" * 100), "a deep record was parsed"
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stdlib_json, "loads", guarded)
    quiz = example.quizzes[0].id
    deep = "[" * depth + "]" * depth
    records = {k: deep for k in (f"session:{quiz}", f"seminar:{quiz}", "pending-draft")}
    out = compose(example, catalogues, records, now=1).boot("")
    assert out.page and out.writes[f"session:{quiz}"] is None
