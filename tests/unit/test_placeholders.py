"""Placeholders in content: the value in a kommune's edition, the fallback without one, and a
sentence an editor can act on when the text is wrong."""

from __future__ import annotations

import pytest

from quiz_engine.content.placeholders import NAMES, PlaceholderError, resolve

FJELLVIK = {"kommune": "Fjellvik kommune", "gifts.limit_nok": "500"}
LIMIT = (
    "{if gifts.limit_nok}I {kommune} er grensen {gifts.limit_nok} kroner."
    "{else}Sjekk om kommunen din har en egen beløpsgrense.{end}"
)


def test_text_without_braces_is_left_alone() -> None:
    assert resolve("Ingen plassholdere her.", FJELLVIK) == "Ingen plassholdere her."


def test_a_value_or_its_fallback() -> None:
    assert resolve("Spør {kommune|kommunen}.", FJELLVIK) == "Spør Fjellvik kommune."
    assert resolve("Spør {kommune|kommunen}.", {}) == "Spør kommunen."
    assert resolve("Grense: {gifts.limit_nok|}.", {}) == "Grense: ."


def test_if_else_keeps_one_branch() -> None:
    assert resolve(LIMIT, FJELLVIK) == "I Fjellvik kommune er grensen 500 kroner."
    assert resolve(LIMIT, {}) == "Sjekk om kommunen din har en egen beløpsgrense."
    assert resolve(LIMIT, {"kommune": "Fjellvik kommune"}) == (
        "Sjekk om kommunen din har en egen beløpsgrense."
    )


def test_if_without_else_shows_nothing_without_the_value() -> None:
    text = "Ring 112.{if contacts.hets} Si fra til {contacts.hets}.{end}"
    assert resolve(text, {}) == "Ring 112."
    assert resolve(text, {"kommune": "X", "contacts.hets": "Politisk sekretariat"}) == (
        "Ring 112. Si fra til Politisk sekretariat."
    )


def test_doubled_braces_are_literal() -> None:
    assert resolve("{{7*7}} og {{}}", {}) == "{7*7} og {}"


def test_every_name_is_dotted_lower_case() -> None:
    assert len(NAMES) == len(set(NAMES)) >= 20
    assert all(name.replace(".", "").replace("_", "").isalpha() for name in NAMES)


REFUSED = [
    (
        "Spør {kommun|kommunen}.",
        '"{kommun}" is not a placeholder we know. Check the spelling; the placeholders are: '
        + ", ".join(NAMES)
        + ".",
    ),
    (
        "Spør {contacts.hets}.",
        '"{contacts.hets}" has no value in this edition and no fallback. Write a fallback for '
        "editions without it, like {contacts.hets|kommunen}, or put it inside "
        "{if contacts.hets}…{end}.",
    ),
    (
        "{if gifts.limit_nok}Ring {contacts.hets}.{end}",
        '"{contacts.hets}" has no value in this edition and no fallback. Write a fallback for '
        "editions without it, like {contacts.hets|kommunen}, or put it inside "
        "{if contacts.hets}…{end}.",
    ),
    (
        "Et { alene.",
        'the text has a "{" without its partner. Write a placeholder as {name|fallback}, or '
        "{{ and }} for a brace itself.",
    ),
    (
        "{if kommune}A{if gifts.limit_nok}B{end}{end}",
        "an {if …} is inside another one. End the first with {end} before the next.",
    ),
    ("A{else}B", "an {else} has no {if …} before it. Add one or remove it."),
    ("A{end}", "an {end} has no {if …} before it. Add one or remove it."),
    ("{if kommune}A", "the {if kommune} is never closed. Add {end} where its text ends."),
]


@pytest.mark.parametrize(("text", "message"), REFUSED, ids=[m[:30] for _, m in REFUSED])
def test_refusals_say_what_to_change(text: str, message: str) -> None:
    with pytest.raises(PlaceholderError) as caught:
        resolve(text, {})
    assert str(caught.value) == message


def test_an_unknown_name_is_refused_in_the_branch_not_shown_too() -> None:
    with pytest.raises(PlaceholderError, match="kontakt"):
        resolve("{if gifts.limit_nok}{kontakt|x}{end}", {})
