"""The printable result: reachable when finished, with what was missed and the follow-ups."""

from __future__ import annotations

from quiz_engine import Catalogue, Content, Route, href, parse_route
from quiz_engine.app import compose
from quiz_engine.run.routing import PRINT


def test_the_print_route_round_trips() -> None:
    assert parse_route("#/s/gaver/utskrift") == Route(PRINT, "gaver")
    assert href(Route(PRINT, "gaver")) == "#/s/gaver/utskrift"


def test_the_printout_shows_date_missed_answers_and_follow_ups(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    quiz = example.quizzes[0]
    app = compose(example, catalogues, {})
    base = f"#/s/{quiz.id}"
    # Not finished: the printout leads to the story, like the results.
    assert app.show(f"{base}/utskrift").redirect == base
    app.click(base, "start", {"behaviour": "deferred"}, seed=1)
    app.submit(f"{base}/1", {"question": "invitasjon", "choices": ["ja"]})
    reflection = {"question": "refleksjon", "text": "Ta opp med ordføreren.", "ticked": []}
    app.submit(f"{base}/1", reflection)
    app.click(f"{base}/1", "finish", {})
    out = app.dispatch({"type": "show", "address": f"{base}/utskrift", "today": "2026-12-02"})
    page = str(out.page)
    assert "Dato: 2.12.2026" in page and "Navn:" in page
    assert "Dette bommet du på" in page
    assert quiz.questions[0].explanation.nb.split()[0] in page
    assert "Mine oppfølgingspunkter" in page and "Ta opp med ordføreren." in page
    assert "Punkter du ikke krysset av:" in page
    assert 'data-action="print"' in page
    results = str(app.show(f"{base}/resultat").page)
    assert f'href="{base}/utskrift"' in results
