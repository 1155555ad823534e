"""Drives the app like a councillor would, finding things by role and accessible name.

The content comes from scenarios/ through the engine, so a test knows which question is on
screen (by its prompt) and what the best answer is, and can compute the mark the app must show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz_engine import Content, Question, Quiz, Response, load_content, result
from quiz_engine.run import play as moves

ROOT = Path(__file__).resolve().parents[2]
WORDS = {
    "nb": {
        "start": "Start",
        "submit": "Svar",
        "next": "Neste spørsmål",
        "finish": "Se resultatet",
        "reveal": "Vis modellsvaret",
        "sure": "Helt sikker",
        "sources": "Kilder",
        "right": "Riktig",
        "partly": "Delvis riktig",
        "wrong": "Ikke riktig",
        "text": "Ditt svar",
        "results": "Resultatet ditt",
        "lights": {"red": "Rødt lys", "yellow": "Gult lys", "green": "Grønt lys"},
    },
    "nn": {
        "start": "Start",
        "submit": "Svar",
        "next": "Neste spørsmål",
        "finish": "Sjå resultatet",
        "reveal": "Vis modellsvaret",
        "sure": "Heilt sikker",
        "sources": "Kjelder",
        "right": "Rett",
        "partly": "Delvis rett",
        "wrong": "Ikkje rett",
        "text": "Svaret ditt",
        "results": "Resultatet ditt",
        "lights": {"red": "Raudt lys", "yellow": "Gult lys", "green": "Grønt lys"},
    },
}


def content() -> Content:
    return load_content([ROOT / "scenarios"])


def plain(text: str) -> str:
    return " ".join(text.split())


def exact(text: str) -> re.Pattern[str]:
    # Playwright reads "/" as the end of the pattern, so escape it too.
    return re.compile("^" + re.escape(plain(text)).replace("/", r"\/") + "$")


@dataclass
class Run:
    """What a test did in one quiz, to check the app's mark against the engine's."""

    quiz: Quiz
    lang: str
    answers: list[tuple[str, Response, int | None]] = field(default_factory=list)

    def expected_percent(self) -> int:
        s = moves.start(self.quiz)
        for question_id, response, confidence in self.answers:
            s = moves.answer(self.quiz, s, question_id, response, confidence)
        return round(result(self.quiz, moves.finish(self.quiz, s).state).percent)


def settled(page: Any) -> None:
    """Wait until the app has rendered the screen of the current address."""
    page.wait_for_function("document.body.dataset.rendered === location.hash")


def current_question(page: Any, quiz: Quiz, lang: str) -> Question:
    settled(page)
    page.get_by_role("heading", level=1).wait_for()
    # The prompt is shown as its situation and then the question (the heading): together they
    # are the prompt, word for word.
    prompt = plain(page.locator(".prompt-block").inner_text())
    for question in quiz.questions:
        if plain(question.prompt.get(lang)) == prompt:
            return question
    raise AssertionError(f"no question in {quiz.id} has the prompt {prompt!r}")


def choose(question: Question, strategy: str) -> Response:
    if question.kind == "reflection":
        ticked = tuple(p.id for p in question.key_points) if strategy == "best" else ()
        return Response(text="Jeg ville sagt fra og bedt om en vurdering.", ticked=ticked)
    if strategy == "best":
        return Response(choices=tuple(o.id for o in question.options if o.correct))
    wrong = [o for o in question.options if not o.correct]
    return Response(choices=(wrong[-1].id,))


def answer_on_screen(page: Any, run: Run, strategy: str = "best") -> Question:
    """Answer the question on screen, check the feedback, return the question."""
    w = WORDS[run.lang]
    question = current_question(page, run.quiz, run.lang)
    response = choose(question, strategy)
    if question.kind == "reflection":
        page.get_by_role("textbox", name=w["text"]).fill(response.text)
        reveal = page.get_by_role("button", name=w["reveal"])
        if reveal.count():
            reveal.click()
        for point in question.key_points:
            if point.id in response.ticked:
                page.get_by_role(
                    "checkbox", name=plain(point.text.get(run.lang)), exact=True
                ).check()
    elif question.kind == "traffic_light":
        light = w["lights"][response.choices[0]]
        page.get_by_role("radio", name=re.compile("^" + light)).check()
    else:
        role = "checkbox" if question.kind == "multiple" else "radio"
        for option_id in response.choices:
            option = question.option(option_id)
            assert option is not None
            # An exact name as a string, not a pattern: content may hold anything, even "</".
            page.get_by_role(role, name=plain(option.text.get(run.lang)), exact=True).check()
    confidence = None
    if question.confidence:
        confidence = 3
        page.get_by_role("radio", name=w["sure"]).check()
    page.get_by_role("button", name=w["submit"], exact=True).click()
    run.answers.append((question.id, response, confidence))
    check_feedback(page, run, question, response)
    return question


def check_feedback(page: Any, run: Run, question: Question, response: Response) -> None:
    w = WORDS[run.lang]
    feedback = page.get_by_role("region", name=re.compile("."))
    heading = page.locator("#feedback-heading")
    heading.wait_for()
    if question.kind != "reflection":
        from quiz_engine import grade

        state = grade(question, response).state
        assert plain(heading.inner_text()).endswith(w[state]), heading.inner_text()
    explanation = plain(question.explanation.get(run.lang))
    assert explanation[:60] in plain(page.locator(".feedback .explanation").inner_text())
    assert page.get_by_role("heading", name=w["sources"], exact=True).count() >= 1
    assert feedback.count() >= 1


def go_on(page: Any, lang: str) -> bool:
    """Click "next question"; ``False`` when this was the last and the result is shown."""
    w = WORDS[lang]
    next_link = page.get_by_role("link", name=w["next"], exact=True)
    if next_link.count():
        next_link.click()
        settled(page)
        return True
    page.get_by_role("button", name=w["finish"], exact=True).click()
    page.get_by_role("heading", level=1, name=w["results"]).wait_for()
    return False


def complete(page: Any, run: Run, strategy: str = "best") -> None:
    while True:
        answer_on_screen(page, run, strategy)
        if not go_on(page, run.lang):
            return


def open_app(browser: Any, url: str, lang: str = "nb", **context_options: Any) -> Any:
    """A fresh context and page on the app, booted, in ``lang``; records errors on the page."""
    from tests.browser.conftest import wait_for_interactive

    context = browser.new_context(**context_options)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.goto(url)
    wait_for_interactive(page)
    if lang == "nn":
        page.get_by_role("button", name="Nynorsk").click()
        page.wait_for_function("document.documentElement.lang === 'nn'")
    return page
