"""A kommune's edition in the engine: the controller opens in its language (a stored choice
still wins), titles and the header carry its name, the about screen its contacts; every
setting is escaped like content. The neutral edition draws exactly as before."""

from __future__ import annotations

import json

from quiz_engine import Catalogue, Content, Route, ViewContext, render
from quiz_engine.app import compose
from quiz_engine.base.edition import Contact, Edition

HOSTILE = '<script>alert(1)</script>" onmouseover="x'
FJELLVIK = Edition(
    name="Fjellvik kommune",
    default_lang="nn",
    coat_of_arms="kommunevapen.svg",
    contacts={"hets": Contact("Politisk sekretariat", "+47 77 12 34 56", "post@fjellvik.no")},
    links={"ethics": "https://fjellvik.kommune.no/etikk"},
)


def boot(content: Content, catalogues: dict[str, Catalogue], records: dict[str, str]) -> dict:  # type: ignore[type-arg]
    controller = compose(content, catalogues, records, edition=FJELLVIK)
    return json.loads(controller.boot("#/om").to_json())  # type: ignore[no-any-return]


def test_the_kommunes_language_comes_first_and_a_stored_choice_wins(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    first = boot(example, catalogues, {})
    assert first["lang"] == "nn"
    assert first["title"] == "Om verktøyet · Folkevald: etikk og roller · Fjellvik kommune"
    assert boot(example, catalogues, {"lang": "nb"})["lang"] == "nb"


def test_the_header_and_about_screen_carry_the_kommune(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    page = boot(example, catalogues, {})["page"]
    assert '<img class="brand-arms" src="./kommunevapen.svg" alt="" width="40" height="40">' in page
    assert '<span class="brand-kommune">Fjellvik kommune</span>' in page
    assert '<h2 id="kommune-heading">Fjellvik kommune</h2>' in page
    assert "<dt>Hets og truslar</dt>" in page
    assert '<a href="tel:+4777123456">Telefon +47 77 12 34 56</a>' in page
    assert '<a href="mailto:post@fjellvik.no">post@fjellvik.no</a>' in page
    assert (
        '<a href="https://fjellvik.kommune.no/etikk" rel="noopener noreferrer" target="_blank">Etiske retningsliner for folkevalde</a>'
        in page
    )


def test_settings_are_escaped_like_content(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    edition = Edition(name=HOSTILE, contacts={"hets": Contact(name=HOSTILE)})
    ctx = ViewContext(example, catalogues["nb"], edition=edition)
    _, page = render(ctx, Route("about"))
    assert "<script>" not in page and '" onmouseover' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x" in page


def test_the_neutral_edition_draws_as_before(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    ctx = ViewContext(example, catalogues["nb"])
    _, page = render(ctx, Route("about"))
    assert (
        '<a class="brand" href="#/"><span class="brand-mark" aria-hidden="true"></span>'
        "<span>Folkevalgt: etikk og roller</span></a>"
    ) in page
    assert "kommune-heading" not in page and "brand-arms" not in page
