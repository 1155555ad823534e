"""The answer screen as a councillor meets it, by role and accessible name: after "Svar" every
option is marked in place in words (every kind, bokmål and nynorsk) and a screen reader hears
the same marks, and the best answer is a list; the verdict comes to the top of the view on a
phone and a tablet held sideways; the case's story can be read again and the intro's sources
say what they open; axe finds nothing on these states."""

from __future__ import annotations

import re
from typing import Any

import pytest

from quiz_engine import Catalogue, Question, Quiz, Response, ViewContext, answer, start
from quiz_engine.kinds import kind_of
from quiz_engine.run.saved_format import session_to_json
from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import content, current_question, open_app, plain, settled
from tests.browser.test_accessibility import violations
from web.build.catalogues import read_catalogues

CONTENT = content()
CATALOGUES = {lang: Catalogue(lang, entries) for lang, entries in read_catalogues().items()}
# Between them every kind: single, multiple, branching, reflection (lillevik); light (the other).
QUIZZES = ("lillevik", "jubileumsmiddag")


def response_for(question: Question) -> Response:
    """An answer that earns every mark there is: right, wrong, partly and missed picks."""
    if question.key_points:
        return Response(text="Jeg sier fra.", ticked=(question.key_points[0].id,))
    right = [o for o in question.options if o.correct]
    wrong = [o for o in question.options if not o.correct]
    if not kind_of(question).one_answer:
        return Response((right[0].id, wrong[0].id))
    partly = [o for o in wrong if o.credit > 0]
    if partly:
        return Response((partly[0].id,))
    return Response(((wrong if kind_of(question).branches else right)[0].id,))


def saved_round(quiz: Quiz) -> tuple[str, tuple[str, ...]]:
    """Every question on the path answered (immediate feedback): the saved JSON and the path."""
    play = start(quiz, seed=5)
    while (open_ids := [q for q in play.state.path if q not in play.state.answers]) != []:
        question = quiz.question(open_ids[0])
        assert question is not None
        level = 2 if question.confidence else None
        play = answer(quiz, play, question.id, response_for(question), level)
    return session_to_json(play.session), play.state.path


def with_saved(page: Any, url: str, quiz: Quiz) -> tuple[str, ...]:
    saved, path = saved_round(quiz)
    key = f"folkevalgt-quiz:v1:session:{quiz.id}"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, saved])
    page.reload()
    wait_for_interactive(page)
    return path


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_kind_marks_each_option_in_place_and_a_screen_reader_hears_it(
    browser: Any, server_url: str, lang: str
) -> None:
    t = CATALOGUES[lang]
    words = ViewContext(CONTENT, t)
    page = open_app(browser, server_url, lang, bypass_csp=True)
    kinds_seen = set()
    for quiz_id in QUIZZES:
        quiz = CONTENT.quiz(quiz_id)
        assert quiz is not None
        path = with_saved(page, server_url, quiz)
        for position, question_id in enumerate(path, start=1):
            question = quiz.question(question_id)
            assert question is not None
            kind = kind_of(question)
            page.goto(f"{server_url}#/s/{quiz.id}/{position}")
            assert current_question(page, quiz, lang).id == question.id
            marked = page.get_by_role("list", name=t("feedback.options"))
            if kind.self_assessed:
                points = page.locator(".key-points").get_by_role("listitem")
                ticked = response_for(question).ticked
                for n, point in enumerate(question.key_points):
                    said = t("feedback.covered" if point.id in ticked else "feedback.not_covered")
                    assert said in points.nth(n).inner_text()
                kinds_seen.add(question.kind)
                continue
            chosen = set(response_for(question).choices)
            items = marked.get_by_role("listitem")
            heard = marked.aria_snapshot()
            assert items.count() == len(question.options)
            for option in question.options:
                label = plain(kind.label(words, option))
                mark = kind.mark(option, option.id in chosen)
                item = items.filter(has_text=label)
                assert item.count() == 1, label
                shown = plain(item.inner_text())
                if mark:
                    # In words where the option stands, and in what a screen reader hears.
                    assert 0 <= shown.find(t(f"mark.{mark}")) < shown.find(label[:30]), shown
                    assert re.search(
                        re.escape(t(f"mark.{mark}")) + r" ?: " + re.escape(label[:40]), heard
                    ), heard
                else:
                    assert not any(t(f"mark.{m}") in shown for m in ("chosen_right", "best"))
            if kind.missed_mark == "missed":  # "select all": how the picks add up
                right = sum(o.correct for o in question.options)
                line = t("feedback.picks_minus", hits=1, right=right, misses=1, net=0)
                assert page.get_by_text(line).is_visible()
            if not all(o.correct for o in question.options if o.id in chosen):
                # The best answer as a list named by its heading, one item per right option.
                best = page.get_by_role("list", name=t("feedback.best_heading"), exact=True)
                wanted = [plain(kind.label(words, o)) for o in question.options if o.correct]
                assert [plain(i) for i in best.get_by_role("listitem").all_inner_texts()] == wanted
            kinds_seen.add(question.kind)
    assert kinds_seen == {"single", "multiple", "branching", "reflection", "traffic_light"}
    assert violations(page) == []
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("size", [(390, 844), (1024, 768)])
def test_after_svar_the_verdict_is_at_the_top_of_the_view(
    browser: Any, server_url: str, size: tuple[int, int]
) -> None:
    """A phone, and an iPad held sideways: where a long question put the verdict at the
    bottom edge, it now comes to the top, with the marked options right below it."""
    width, height = size
    quiz = CONTENT.quiz("lillevik")
    assert quiz is not None
    page = open_app(browser, server_url, viewport={"width": width, "height": height})
    page.goto(f"{server_url}#/s/{quiz.id}")
    page.get_by_role("button", name="Start", exact=True).click()
    question = current_question(page, quiz, "nb")
    assert len(question.options) >= 6  # a long question: "Svar" is far down
    response = response_for(question)
    for option_id in response.choices:
        option = question.option(option_id)
        assert option is not None
        page.get_by_role("checkbox", name=plain(option.text.nb), exact=True).check()
    page.get_by_role("button", name="Svar", exact=True).click()
    verdict = page.get_by_role("heading", level=2, name="Ikke riktig", exact=True)
    verdict.wait_for()
    settled(page)
    assert verdict.evaluate("el => el === document.activeElement")
    top = verdict.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top <= 60, f"the verdict is {top}px from the top of a {height}px view"
    first = page.get_by_role("list", name="Svaralternativene").get_by_role("listitem").first
    assert first.evaluate("el => el.getBoundingClientRect().top") < height
    page.context.close()


def test_the_case_can_be_read_again_and_the_question_is_short(
    browser: Any, server_url: str
) -> None:
    quiz = CONTENT.quiz("lillevik")
    assert quiz is not None
    page = open_app(browser, server_url, "nn", bypass_csp=True)
    page.goto(f"{server_url}#/s/{quiz.id}")
    # The intro's sources: a disclosure that says what it opens, not an empty heading.
    sources = page.get_by_role("group").filter(has_text=f"Vis kjelder ({len(quiz.sources)})")
    assert not sources.get_by_role("listitem").first.is_visible()
    sources.get_by_text(f"Vis kjelder ({len(quiz.sources)})", exact=True).click()
    assert sources.get_by_role("listitem").count() == len(quiz.sources)
    assert sources.get_by_role("listitem").first.is_visible()
    page.get_by_role("button", name="Start", exact=True).click()
    question = current_question(page, quiz, "nn")
    heading = page.get_by_role("heading", level=1)
    situation = plain(page.locator(".situation").inner_text())
    # The heading is the question alone; the situation describes it (a screen reader hears it).
    assert plain(heading.inner_text()) == plain(question.prompt.nn)[len(situation) :].strip()
    described = heading.get_attribute("aria-describedby")
    assert described and plain(page.locator(f"#{described}").inner_text()) == situation
    story = plain(quiz.intro.nn)[:60]
    disclosure = page.get_by_role("group").filter(has_text="Les saka igjen")
    assert not page.get_by_text(story[:40]).is_visible()
    disclosure.get_by_text("Les saka igjen", exact=True).click()
    assert page.get_by_text(story[:40]).is_visible()
    assert violations(page) == []
    page.context.close()
