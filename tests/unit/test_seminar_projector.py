"""The seminar as a room sees it: the reveal keeps the question and its cards where they were
and shows the assessment as a band in the light's colour; the summary gives the assessed
options' words; a table tablet lists every question and never hands in an empty code."""

from __future__ import annotations

import re

import pytest

from quiz_engine import Catalogue, Content
from quiz_engine.app import compose
from quiz_engine.app.seminar import state as st
from tests.unit.test_seminar_desk import REAL, send, text_of

QUIZ = REAL.quiz("dispensasjon")  # a light first; ends with a reflection


def test_the_reveal_shows_a_band_in_the_lights_colour_and_moves_nothing(
    catalogues: dict[str, Catalogue],
) -> None:
    assert QUIZ is not None
    app = compose(REAL, catalogues, {}, True)
    address = f"#/seminar/{QUIZ.id}"
    app.boot(address)
    asked = send(app, type="seminar-key", address=address, key="PageDown")
    assert "verdict-band" not in (asked.page or "")
    out = send(app, type="seminar-key", address=address, key="PageDown")
    first = QUIZ.question(st.path(QUIZ)[0])
    assert first is not None and st.verdict(first) == ("red",)
    band = re.search(r'<section class="verdict-band verdict-red".*?</section>', out.page or "")
    assert band is not None and "Rødt lys" in text_of(band.group(0))  # colour and words
    assert out.focus == '[data-action="seminar-step"][data-to="next"]'
    assert out.announce == f"Steg 3 av {len(st.steps(QUIZ))}. Vurderingen: Rødt lys."
    # The band stands between the question and the room's cards, which stand beside the cards.
    page = out.page or ""
    assert page.index("verdict-band") < page.index('class="seminar-board"') < page.index("tally")


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_summary_gives_the_assessed_options_words(
    example: Content, catalogues: dict[str, Catalogue], lang: str
) -> None:
    app = compose(example, catalogues, {"lang": lang}, True)
    out = app.boot("#/seminar/eksempel/oppsummering")
    verdicts = re.findall(r'<ul class="summary-verdict">(.*?)</ul>', out.page or "")
    quiz = example.quizzes[0]
    multiple = quiz.question("habil")
    assert multiple is not None
    words = [" ".join(o.text.get(lang).split()) for o in multiple.options if o.correct]
    assert any(all(w in text_of(v) for w in words) for v in verdicts)
    assert any(re.search(r"<strong>A</strong>: ", v) for v in verdicts)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_table_lists_the_reflection_and_never_hands_in_an_empty_code(
    catalogues: dict[str, Catalogue], lang: str
) -> None:
    assert QUIZ is not None
    address = f"#/seminar/{QUIZ.id}/bord"
    app = compose(REAL, catalogues, {"lang": lang}, True)
    app.boot(address)
    out = send(app, type="seminar-form", address=address, form={"form": "table", "table": "4"})
    total = len(st.path(QUIZ))
    counts = re.findall(r'<span class="muted">[^<]*? (\d+) av (\d+):</span>', out.page or "")
    assert [int(n) for n, _ in counts] == list(range(1, total + 1))  # none left out
    talk = {"nb": "snakk om spørsmålet ved bordet", "nn": "snakk om spørsmålet ved bordet"}[lang]
    assert talk in text_of(out.page)

    refused = send(
        app, type="click", address=address, action="table-hand-in", data={"shown": "true"}
    )
    assert "data-qr" not in (refused.page or "") and refused.focus == "#table-hand-in"
    nothing = {"nb": "Bordet har ikke valgt noe ennå", "nn": "Bordet har ikkje valt noko enno"}
    assert refused.announce.startswith(nothing[lang])
    assert 'role="alert"' in (refused.page or "")

    first = st.path(QUIZ)[0]
    send(
        app,
        type="click",
        address=address,
        action="table-choose",
        data={"question": first, "card": "green"},
    )
    shown = send(app, type="click", address=address, action="table-hand-in", data={"shown": "true"})
    assert 'data-qr="FQ1;dispensasjon;4;C.' in (shown.page or "")
    talked = {"nb": "snakket om ved bordet", "nn": "snakka om ved bordet"}[lang]
    assert f"Spørsmål {total} av {total}: {talked}" in text_of(shown.page)
