"""After a round, what to learn next, by role and accessible name: weak themes link to the bank
that teaches them and the link leads there; the review shows the verdict and the best answer
with the explanation folded; theme rows that repeat the total are gone; on the home screen a
finished quiz's bar shows its score and a new councillor is told where to begin."""

from __future__ import annotations

from typing import Any

from quiz_engine import Quiz, Response, answer, finish, result, start
from quiz_engine.run.duration import minutes
from quiz_engine.run.saved_format import session_to_json
from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import content, open_app, plain, settled
from tests.browser.test_accessibility import violations

CONTENT = content()
QUIZ = CONTENT.quiz("jubileumsmiddag")


def finished_wrong(quiz: Quiz) -> str:
    """A finished round with a wrong answer everywhere (and a short reflection)."""
    play = start(quiz, seed=3)
    while (open_ids := [q for q in play.state.path if q not in play.state.answers]) != []:
        question = quiz.question(open_ids[0])
        assert question is not None
        if question.key_points:
            response = Response(text="Tekst")
        else:
            response = Response(([o for o in question.options if not o.correct][-1].id,))
        play = answer(quiz, play, question.id, response, 1 if question.confidence else None)
    play = finish(quiz, play)
    return session_to_json(play.session)


def test_weak_themes_lead_to_their_bank_and_the_review_folds_the_explanations(
    browser: Any, server_url: str
) -> None:
    assert QUIZ is not None
    page = open_app(browser, server_url, bypass_csp=True)
    key = f"folkevalgt-quiz:v1:session:{QUIZ.id}"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, finished_wrong(QUIZ)])
    page.reload()  # the app reads the device's records when it starts
    wait_for_interactive(page)
    page.goto(f"{server_url}#/s/{QUIZ.id}/resultat")
    settled(page)

    learn = page.get_by_role("region", name="Dette kan du øve mer på")
    roller = CONTENT.quiz("roller")
    assert roller is not None
    link = learn.get_by_role("link", name=f"Øv på temaet «{roller.title.nb}»", exact=True)
    assert link.is_visible()
    assert f"({len(roller.questions)} spørsmål, ca. {minutes(roller, 'nb')} min)" in plain(
        learn.inner_text()
    )

    # Themes that repeat the total (gifts: every question) are left out of the chart.
    chart = page.get_by_role("region", name="Resultat per tema")
    assert "Roller og ansvar" in chart.inner_text()
    assert "Gaver, reiser og bevertning" not in chart.inner_text()

    # The review: each wrong answer with the best answer; the explanation folded until asked.
    review = page.get_by_role("region", name="Gjennomgang av svarene")
    items = review.get_by_role("listitem").filter(has=page.get_by_role("heading", level=3))
    shown = items.first.locator(".explanation")
    assert review.get_by_role("heading", name="Beste svar", exact=True).count() >= 5
    assert not shown.is_visible()
    items.first.get_by_text("Les forklaringen og kildene", exact=True).click()
    assert shown.is_visible()
    first = QUIZ.question(QUIZ.questions[0].id)
    assert first is not None
    assert plain(first.explanation.nb)[:20] in plain(shown.inner_text())
    assert violations(page) == []

    link.click()
    settled(page)
    assert page.evaluate("location.hash") == "#/s/roller"
    assert page.get_by_role("heading", level=1).inner_text() == roller.title.nb

    # Home: the finished quiz's bar is as long as its score, which the words beside it say.
    page.get_by_role("link", name="Forside").first.click()
    settled(page)
    outcome = round(result(QUIZ, _state(QUIZ, page)).percent)
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=QUIZ.title.nb, exact=True)
    )
    assert f"Fullført · resultat {outcome} %" in card.inner_text()
    fill = card.locator(".meter-fill").evaluate("el => Number(el.getAttribute('width'))")
    assert fill == outcome
    assert page.get_by_role("region", name="Ny her? Begynn her").count() == 0  # begun
    assert page.errors == []
    page.context.close()


def _state(quiz: Quiz, page: Any) -> Any:
    """The round the page holds, read back from its storage."""
    from quiz_engine import play_of, session_from_json

    raw = page.evaluate(f"localStorage.getItem('folkevalgt-quiz:v1:session:{quiz.id}')")
    return play_of(quiz, session_from_json(raw)).state


def test_a_new_councillor_is_told_where_to_begin(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url, "nn")
    first = CONTENT.quizzes[0]
    begin = page.get_by_role("region", name="Ny her? Byrj her")
    start_here = begin.get_by_role("link", name=f"Start med «{first.title.nn}»", exact=True)
    assert start_here.is_visible()
    assert f"ca. {minutes(first, 'nn')} min" in begin.inner_text()
    for quiz in CONTENT.quizzes:  # every card says how long it takes
        card = page.get_by_role("listitem").filter(
            has=page.get_by_role("heading", name=quiz.title.nn, exact=True)
        )
        assert f"ca. {minutes(quiz, 'nn')} min" in card.inner_text()
    start_here.click()
    settled(page)
    assert page.evaluate("location.hash") == f"#/s/{first.id}"
    page.context.close()
