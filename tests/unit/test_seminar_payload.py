"""The QR payload a table hands in: compact, versioned, refused with a reason when it can't fit."""

from __future__ import annotations

import pytest

from quiz_engine import Content
from quiz_engine.app.seminar.payload import VERSION, PayloadError, decode, encode


def test_a_tables_answers_encode_compactly_and_decode_to_the_same(example: Content) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    answers = {"invitasjon": ("ja",), "habil": ("sosken", "part"), "lys": ("yellow",)}
    text = encode(quiz, 12, answers)
    assert text == "FQ1;eksempel;12;B.AB.B.-"
    report = decode(quiz, text)
    assert report.table == 12 and report.quiz == "eksempel"
    assert report.answers == {
        "invitasjon": ("ja",),
        "habil": ("part", "sosken"),
        "lys": ("yellow",),
    }
    assert decode(quiz, f"  {text}\n").answers == report.answers  # readers add whitespace


def test_no_answers_is_a_valid_report(example: Content) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    assert decode(quiz, encode(quiz, 1, {})).answers == {}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("https://example.org/", "seminar.scan_not_ours"),
        ("FQ1;eksempel;1", "seminar.scan_not_ours"),
        ("FQ2;eksempel;1;A.A.A.-", "seminar.scan_version"),
        ("FQ1;lillevik;1;A.A.A.-", "seminar.scan_other_quiz"),
        ("FQ1;eksempel;0;A.A.A.-", "seminar.scan_damaged"),
        ("FQ1;eksempel;x;A.A.A.-", "seminar.scan_damaged"),
        ("FQ1;eksempel;1;A.A.A", "seminar.scan_content"),  # a question fewer
        ("FQ1;eksempel;1;A.A.A.-.-", "seminar.scan_content"),  # a question more
        ("FQ1;eksempel;1;Z.A.A.-", "seminar.scan_content"),  # no such option
        ("FQ1;eksempel;1;AB.A.A.-", "seminar.scan_content"),  # two in a one-answer question
        ("FQ1;eksempel;1;A.AA.A.-", "seminar.scan_content"),  # the same option twice
        ("FQ1;eksempel;1;A.a.A.-", "seminar.scan_content"),
    ],
)
def test_codes_that_do_not_fit_are_refused_with_a_reason(
    example: Content, text: str, reason: str
) -> None:
    quiz = example.quiz("eksempel")
    assert quiz is not None
    with pytest.raises(PayloadError) as caught:
        decode(quiz, text)
    assert caught.value.reason == reason


def test_every_reason_has_words_in_both_languages(catalogues: dict[str, object]) -> None:
    reasons = ["not_ours", "version", "other_quiz", "damaged", "content", "none"]
    for lang, t in catalogues.items():
        for reason in reasons:
            assert t(f"seminar.scan_{reason}"), (lang, reason)  # type: ignore[operator]
    assert VERSION == "FQ1"
