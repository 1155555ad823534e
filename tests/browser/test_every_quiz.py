"""Every scenario and topic bank, completed in bokmål and in nynorsk, with the right mark."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.driver import WORDS, Run, complete, content, exact, open_app

CONTENT = content()
QUIZ_IDS = [q.id for q in CONTENT.quizzes]


@pytest.fixture(scope="module")
def pages(browser: Any, server_url: str) -> Iterator[dict[str, Any]]:
    # One booted page per language for the whole module: each quiz is a hash route away.
    opened = {lang: open_app(browser, server_url, lang) for lang in ("nb", "nn")}
    yield opened
    for page in opened.values():
        assert page.errors == []
        page.context.close()


def test_there_is_content_to_run() -> None:
    assert len(QUIZ_IDS) >= 8


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_complete_quiz(pages: dict[str, Any], server_url: str, lang: str, quiz_id: str) -> None:
    page = pages[lang]
    quiz = CONTENT.quiz(quiz_id)
    assert quiz is not None
    page.goto(f"{server_url}#/s/{quiz_id}")
    page.get_by_role("heading", level=1, name=exact(quiz.title.get(lang))).wait_for()
    page.get_by_role("button", name=WORDS[lang]["start"], exact=True).click()
    # Bokmål answers everything right; nynorsk picks a wrong option everywhere it can.
    run = Run(quiz, lang)
    complete(page, run, "best" if lang == "nb" else "wrong")
    shown = page.locator(".score-number").inner_text()
    assert shown == f"{run.expected_percent()} %"
    if lang == "nb":
        assert shown == "100 %"
    # The review lists every question answered, each with its explanation and sources (folded).
    assert page.locator(".review-item").count() == len(run.answers)
    assert page.locator(".review-item .sources li").count() >= len(run.answers)
