"""Our content reads well in every edition: without settings (every placeholder's neutral
fallback), with only a kommune's name, and with every setting; no brace reaches a councillor."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz_engine import load_content
from quiz_engine.base.edition import NEUTRAL, Contact, Edition
from quiz_engine.base.model import Content, Text

ROOT = Path(__file__).resolve().parents[2]
FULL = Edition(
    name="Havbotn kommune",
    gift_limit=1500,
    contacts={
        "hets": Contact("Politisk sekretariat", "77 12 34 56"),
        "habilitet": Contact(email="advokat@havbotn.kommune.no"),
        "varsling": Contact(url="https://havbotn.kommune.no/varsling"),
    },
    links={
        "ethics": "https://havbotn.kommune.no/etikk",
        "social_media": "https://havbotn.kommune.no/some",
    },
)
EDITIONS = {"neutral": NEUTRAL, "name-only": Edition(name="Havbotn kommune"), "full": FULL}


def texts(node: object) -> Iterator[Text]:
    if isinstance(node, Text):
        yield node
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for field in dataclasses.fields(node):
            yield from texts(getattr(node, field.name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from texts(item)


def content_in(edition: Edition) -> Content:
    return load_content([ROOT / "scenarios"], edition.values())


@pytest.mark.parametrize("name", EDITIONS)
def test_no_brace_reaches_the_councillor(name: str) -> None:
    found = list(texts(content_in(EDITIONS[name])))
    assert len(found) > 1000
    leaks = [t.nb[:60] for t in found if any(c in t.nb + t.nn for c in "{}")]
    assert leaks == []


def test_the_neutral_edition_speaks_of_your_municipality() -> None:
    neutral = [t.nb + t.nn for t in texts(content_in(NEUTRAL))]
    assert not any("Havbotn" in t for t in neutral)
    assert any(
        "Mange kommuner har en lav beløpsgrense i retningslinjene sine." in t for t in neutral
    )


def test_where_the_local_answer_matters_the_content_gives_it() -> None:
    local = " ".join(t.nb + " " + t.nn for t in texts(content_in(FULL)))
    assert "I Havbotn kommune er beløpsgrensen for gaver 1\u00a0500 kroner." in local
    assert "I Havbotn kommune er beløpsgrensa for gåver 1\u00a0500 kroner." in local
    assert "Politisk sekretariat (77 12 34 56)" in local  # hets
    assert "advokat@havbotn.kommune.no" in local  # habilitet
    assert "Les alltid de etiske retningslinjene som Havbotn kommune har vedtatt." in local
    assert "Les alltid dei etiske retningslinene som Havbotn kommune har vedteke." in local
    assert "Havbotn kommune har egne retningslinjer for sosiale medier." in local
    assert "Havbotn kommune har eigne retningsliner for sosiale medium." in local


def test_no_wrong_option_names_a_kroner_amount_a_gift_limit_could_equal() -> None:
    """In an edition whose gift limit is 500 kroner, a wrong option saying "kommuneloven sets a
    limit of 500 kroner" reads as right. A gift limit can be any whole number of kroner, so a wrong
    option names no amount at all; the situation in a prompt may."""
    content = content_in(NEUTRAL)
    wrong = [
        (question.id, option)
        for quiz in content.quizzes
        for question in quiz.questions
        if question.kind != "traffic_light"
        for option in question.options
        if not option.correct
    ]
    assert wrong, "no wrong options in the content"
    amount = re.compile(r"\d[\d\u00a0 ]*\s*(kroner|kr\b)", re.IGNORECASE)
    named = [
        f"{question_id}:{option.id}"
        for question_id, option in wrong
        if amount.search(option.text.nb) or amount.search(option.text.nn)
    ]
    assert named == []
