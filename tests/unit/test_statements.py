"""What a public body publishes beside the app: the accessibility statement of an edition (in
every footer and on the about screen), the neutral edition's words instead, and the version,
which has one source."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from quiz_engine import Catalogue, Content, Route, ViewContext, render
from quiz_engine.base.edition import Edition, Statement, edition_from_json, edition_to_json
from quiz_engine.base.version import VERSION
from quiz_engine.content.kommune import read_settings
from quiz_engine.views.layout import frame
from quiz_engine.views.statements import footer_link

ROOT = Path(__file__).resolve().parents[2]
FJELLVIK = ROOT / "examples" / "fjellvik" / "kommune.toml"
HOSTILE = Statement(
    "https://uustatus.no/nb/erklaringer/publisert/x?a=1&b=<2>",
    'Fjellvik <script>alert("x")</script>',
    "https://fjellvik.kommune.no/tilbakemelding",
)


def about(example: Content, catalogues: dict[str, Catalogue], edition: Edition) -> str:
    ctx = ViewContext(example, catalogues["nb"], edition=edition)
    return str(render(ctx, Route("about"))[1])


def test_an_edition_links_its_statement_in_the_footer_and_names_its_publisher(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    edition = Edition(name="Fjellvik kommune", accessibility=HOSTILE)
    ctx = ViewContext(example, catalogues["nb"], edition=edition)
    footer = str(frame(ctx, footer_link(ctx)))
    assert (
        '<a href="https://uustatus.no/nb/erklaringer/publisert/x?a=1&amp;b=&lt;2&gt;" '
        'rel="noopener noreferrer" target="_blank">Tilgjengelighetserklæring</a>'
    ) in footer
    page = about(example, catalogues, edition)
    assert "<script>" not in page and "Fjellvik &lt;script&gt;" in page
    assert "har ansvaret for denne utgaven" in page
    assert '<a href="https://fjellvik.kommune.no/tilbakemelding"' in page
    mailed = about(example, catalogues, replace(edition, accessibility=replace(
        HOSTILE, contact="post@fjellvik.kommune.no")))  # fmt: skip
    assert '<a href="mailto:post@fjellvik.kommune.no">post@fjellvik.kommune.no</a>' in mailed


def test_the_neutral_edition_names_the_project_and_how_to_report_a_problem(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    for lang, words in (("nb", "Si fra til den som ga deg lenken"), ("nn", "Sei frå til")):
        ctx = ViewContext(example, catalogues[lang])
        assert str(footer_link(ctx)).startswith('<a href="#/om">')
        page = str(render(ctx, Route("about"))[1])
        assert "«Folkevalgt: etikk og roller»" in page and words in page
        assert f"Versjon {VERSION}" in page


def test_the_example_edition_reads_its_statement() -> None:
    edition = read_settings(FJELLVIK).edition
    assert edition.accessibility == Statement(
        "https://uustatus.no/nn/erklaringer/publisert/fjellvik-folkevald",
        "Fjellvik kommune",  # no publisher given: the kommune
        "https://fjellvik.kommune.no/tilbakemelding",
    )
    assert edition_from_json(edition_to_json(edition)) == edition


def test_the_version_has_one_source_and_a_changelog_entry() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "quiz_engine.base.version.VERSION"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d+\.\d+\.\d+) ", changelog, re.M)
    assert headings and headings[0] == VERSION
