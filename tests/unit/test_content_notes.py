"""Every quiz that cites forvaltningsloven §§ 6, 8, 13 or 41 warns that the numbers will change.

A new forvaltningslov was passed in 2025; when it enters into force these sections get new
numbers. Each quiz that cites them (in its own ``sources`` or in any question's) must carry the
same sentence pair in its introduction, word for word, as its own paragraph or at the end of one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_engine import Content, Quiz, load_content

ROOT = Path(__file__).resolve().parents[2]
RENUMBERED = {"fvl-6", "fvl-8", "fvl-13", "fvl-41"}
NOTE = {
    "nb": (
        "Stortinget vedtok en ny forvaltningslov i 2025. Når den trer i kraft, "
        "får paragrafene nye nummer. Sjekk derfor lovdata.no."
    ),
    "nn": (
        "Stortinget vedtok ei ny forvaltningslov i 2025. Når ho tek til å gjelde, "
        "får paragrafane nye nummer. Sjekk difor lovdata.no."
    ),
}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content([ROOT / "scenarios"])


def cites_renumbered(quiz: Quiz) -> bool:
    cited = set(quiz.sources)
    for question in quiz.questions:
        cited |= set(question.sources)
    return bool(cited & RENUMBERED)


def ends_a_paragraph(intro: str, note: str) -> bool:
    """True if some paragraph of the intro is the note, or ends with it."""
    paragraphs = [" ".join(p.split()) for p in intro.split("\n\n")]
    return any(p == note or p.endswith(" " + note) for p in paragraphs)


def test_the_selection_is_not_empty(content: Content) -> None:
    citing = [quiz.id for quiz in content.quizzes if cites_renumbered(quiz)]
    assert len(citing) >= 2, citing
    assert "habilitet" in citing


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_quiz_citing_renumbered_sections_carries_the_note(
    content: Content, lang: str
) -> None:
    missing = [
        quiz.id
        for quiz in content.quizzes
        if cites_renumbered(quiz) and not ends_a_paragraph(getattr(quiz.intro, lang), NOTE[lang])
    ]
    assert not missing, f"intro.{lang} lacks the renumbering note: {missing}"


def test_the_paragraph_check_finds_the_note_only_at_a_paragraph_end() -> None:
    note = NOTE["nb"]
    assert ends_a_paragraph(f"Første avsnitt.\n\n{note}", note)
    assert ends_a_paragraph(f"Lovhenvisningene gjelder per 23. november 2026. {note}\n", note)
    assert not ends_a_paragraph(f"{note} Og mer tekst etterpå.", note)
    assert not ends_a_paragraph(note.replace("får paragrafene nye nummer", "endres numrene"), note)
