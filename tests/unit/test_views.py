"""Views: every screen renders in both languages, and content can never become markup."""

from __future__ import annotations

import dataclasses
import re

import pytest

from quiz_engine import (
    Catalogue,
    Content,
    Response,
    Text,
    ViewContext,
    answer,
    finish,
    parse_route,
    render,
    start,
)
from quiz_engine.base.markup import Markup, html

HOSTILE = (
    '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a> '
    + "Habilitetsvurderingsprosessgjennomgangen" * 10
)


def finished_session(content: Content):  # type: ignore[no-untyped-def]
    quiz = content.quizzes[0]
    s = answer(quiz, start(quiz), "invitasjon", Response(choices=("ja",)))
    s = answer(quiz, s, "etter-middagen", Response(choices=("ti",)))
    s = answer(quiz, s, "habil", Response(choices=("part",)), 2)
    s = answer(quiz, s, "lys", Response(choices=("yellow",)))
    s = answer(quiz, s, "refleksjon", Response(text=HOSTILE, ticked=("meld-fra",)))
    return finish(quiz, s)


ROUTES = [
    "#/",
    "#/om",
    "#/s/eksempel",
    "#/s/eksempel/ny-start",
    "#/s/eksempel/1",
    "#/s/eksempel/3",
    "#/s/eksempel/resultat",
    "#/nowhere",
    "#/s/eksempel/99",
    "#/s/ukjent",
]


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("route", ROUTES)
def test_every_screen_renders(
    example: Content, catalogues: dict[str, Catalogue], lang: str, route: str
) -> None:
    ctx = ViewContext(example, catalogues[lang], {"eksempel": finished_session(example)})
    screen, page = render(ctx, parse_route(route))
    assert screen.title
    assert page.count("<h1") == 1, "one heading to move focus to"
    assert '<main id="main"' in page


def test_not_found_for_unknown_and_unreached_addresses(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    ctx = ViewContext(example, catalogues["nb"])
    for route in ["#/nowhere", "#/s/eksempel/1", "#/s/eksempel/resultat", "#/s/%ZZ", "#/s/ukjent"]:
        screen, _ = render(ctx, parse_route(route))
        assert screen.title == "Vi fant ikke siden", route


def test_question_screen_shows_count_feedback_and_sources(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    s = answer(quiz, start(quiz), "invitasjon", Response(choices=("ja",)))
    ctx = ViewContext(example, catalogues["nb"], {"eksempel": s})
    screen, page = render(ctx, parse_route("#/s/eksempel/1"))
    assert "Spørsmål 1 av 5" in page
    assert screen.announce == "Ikke riktig"
    assert "En middag kan se ut som en gave" in page  # feedback for the option chosen
    assert "daglig leder" in page  # the consequence in the story
    assert "KS Folkevalgtprogram" in page  # the source


def test_hostile_content_and_text_stay_inert(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    hostile = dataclasses.replace(quiz, title=Text(HOSTILE, HOSTILE), intro=Text(HOSTILE, HOSTILE))
    content = dataclasses.replace(example, quizzes=(hostile,))
    ctx = ViewContext(content, catalogues["nb"], {"eksempel": finished_session(example)})
    for route in ["#/", "#/s/eksempel", "#/s/eksempel/resultat", "#/s/eksempel/5"]:
        _, page = render(ctx, parse_route(route))
        assert "<script>" not in page and "<img" not in page
        assert 'href="javascript:' not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_markup_escapes_by_default() -> None:
    assert html("<p>{}</p>", "<b>") == "<p>&lt;b&gt;</p>"
    assert html("<p>{}</p>", Markup("<b>ok</b>")) == "<p><b>ok</b></p>"
    assert html('<a title="{}">', '" onclick="x') == '<a title="&quot; onclick=&quot;x">'


def test_no_inline_styles_or_scripts_for_a_strict_csp(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    ctx = ViewContext(example, catalogues["nn"], {"eksempel": finished_session(example)})
    for route in ROUTES:
        _, page = render(ctx, parse_route(route))
        assert not re.search(r"<[^>]*\s(style|on[a-z]+)=|<script", page), route
