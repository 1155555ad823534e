"""The real content: enough questions, both languages, sources everywhere, real nynorsk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz_engine import Content, load_content
from quiz_engine.base.model import Text

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ("lillevik", "jubileumsmiddag", "oslotur", "dispensasjon", "case-ii", "forlik")
BANKS = (
    "etikk",
    "habilitet",
    "gaver",
    "kommunen",
    "roller",
    "sosiale-medier",
    "ytring",
    "hets",
    "moter",
    "politisk-kultur",
    "sosiale-medier-praksis",
)
# Word forms that belong to one written standard only (whole words, any case).
BOKMAL_ONLY = {
    "ikke",
    "hva",
    "hvem",
    "hvordan",
    "hvorfor",
    "hvilke",
    "hvilken",
    "hvilket",
    "jeg",
    "noen",
    "noe",
    "hvis",
    "mye",
    "bare",
    "gjøre",
    "være",
    "ansatt",
    "ansatte",
}
NYNORSK_ONLY = {
    "ikkje",
    "kva",
    "kven",
    "korleis",
    "kvifor",
    "eg",
    "nokon",
    "noko",
    "mykje",
    "berre",
    "gjere",
    "vere",
    "frå",
    "eit",
}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content([ROOT / "scenarios"])


def texts(content: Content) -> list[tuple[str, Text]]:
    """Every bilingual text in the content, with where it is."""
    found: list[tuple[str, Text]] = []
    for quiz in content.quizzes:
        found += [(f"{quiz.id}.{k}", getattr(quiz, k)) for k in ("title", "summary", "intro")]
        found += [(f"{quiz.id}.bands", b.text) for b in quiz.bands]
        for q in quiz.questions:
            where = f"{quiz.id}/{q.id}"
            found += [(f"{where}.prompt", q.prompt), (f"{where}.explanation", q.explanation)]
            for o in q.options:
                found += [
                    (f"{where}.{o.id}.{k}", t)
                    for k in ("text", "feedback", "consequence")
                    if (t := getattr(o, k)) and t.nb
                ]
            found += [(f"{where}.{p.id}", p.text) for p in q.key_points]
    for topic in content.topics:
        found.append((f"topic {topic.id}", topic.title))
    for source in content.sources:
        found.append((f"source {source.id}", source.title))
    return found


def test_every_named_scenario_and_bank_exists(content: Content) -> None:
    kinds = {q.id: q.kind for q in content.quizzes}
    assert all(kinds.get(s) == "scenario" for s in SCENARIOS), kinds
    assert all(kinds.get(b) == "bank" for b in BANKS), kinds


def test_the_readme_names_only_scenarios_that_exist(content: Content) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"#/s/([a-z0-9-]+)", readme))
    assert linked, "the README links to no scenario"
    assert linked <= {q.id for q in content.quizzes}


def test_there_are_at_least_160_questions(content: Content) -> None:
    assert sum(len(q.questions) for q in content.quizzes) >= 160


def test_every_scenario_has_a_story_three_questions_and_a_closing_reflection(
    content: Content,
) -> None:
    for quiz_id in SCENARIOS:
        quiz = content.quiz(quiz_id)
        assert quiz is not None
        assert len(quiz.intro.nb.split("\n\n")) >= 2, quiz_id
        assert len(quiz.questions) >= 4, quiz_id
        assert (
            quiz.questions[-1].kind == "reflection" and len(quiz.questions[-1].key_points) >= 3
        ), quiz_id


def test_every_question_cites_a_source_and_explains(content: Content) -> None:
    for quiz in content.quizzes:
        assert quiz.valid_as_of, quiz.id
        for q in quiz.questions:
            assert q.sources and q.explanation.nb and q.explanation.nn, q.id
            for o in q.options:
                assert o.correct or o.feedback is not None, (q.id, o.id)


def test_every_kind_is_used(content: Content) -> None:
    used = {q.kind for quiz in content.quizzes for q in quiz.questions}
    assert used == {"single", "multiple", "traffic_light", "reflection", "branching"}


def test_both_languages_differ_and_are_not_empty(content: Content) -> None:
    same = [w for w, t in texts(content) if t.nb == t.nn and len(t.nb.split()) > 6]
    assert not same, f"long texts identical in nb and nn: {same[:5]}"


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-zÆØÅæøåÉé]+", text)}


def test_nynorsk_has_no_bokmal_only_words(content: Content) -> None:
    bad = [
        (w, sorted(words(t.nn) & BOKMAL_ONLY))
        for w, t in texts(content)
        if words(t.nn) & BOKMAL_ONLY
    ]
    assert not bad, bad[:10]


def test_bokmal_has_no_nynorsk_only_words(content: Content) -> None:
    bad = [
        (w, sorted(words(t.nb) & NYNORSK_ONLY))
        for w, t in texts(content)
        if words(t.nb) & NYNORSK_ONLY
    ]
    assert not bad, bad[:10]


def test_the_word_check_would_catch_bokmal_in_nynorsk() -> None:
    assert words("Hva gjør du hvis det ikke går?") & BOKMAL_ONLY == {"hva", "hvis", "ikke"}
    assert words("Kva gjer du dersom det ikkje går?") & NYNORSK_ONLY == {"kva", "ikkje"}


def test_hate_survey_figures_are_quoted_with_source_and_year(content: Content) -> None:
    hets = content.quiz("hets")
    assert hets is not None
    text = " ".join(t.nb for _, t in texts(content) if _.startswith("hets"))
    assert "2019" in text and "Ipsos" in text
    assert "43 %" in text or "43 prosent" in text
