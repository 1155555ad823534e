"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any screen, in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.driver import (
    WORDS,
    Run,
    answer_on_screen,
    content,
    current_question,
    go_on,
    open_app,
)

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CONTENT = content()


def violations(page: Any) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)",
        TAGS,
    )
    return list(found)


def check(page: Any, screen: str, seen: dict[str, list[str]]) -> None:
    page.get_by_role("heading", level=1).wait_for()
    seen[screen] = violations(page)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_screen_is_axe_clean(browser: Any, server_url: str, lang: str) -> None:
    # axe is injected as a script, which the app's own CSP would (rightly) refuse.
    page = open_app(browser, server_url, lang, bypass_csp=True)
    w = WORDS[lang]
    seen: dict[str, list[str]] = {}
    check(page, "home", seen)
    page.goto(server_url + "#/om")
    check(page, "about", seen)
    page.goto(server_url + "#/finnes-ikke")
    check(page, "not found", seen)

    # A bank that asks "how sure are you?", so the results show calibration.
    quiz = CONTENT.quiz("habilitet")
    page.goto(f"{server_url}#/s/{quiz.id}")
    check(page, "intro", seen)
    page.get_by_role("button", name=w["start"], exact=True).click()
    run = Run(quiz, lang)
    kinds_seen = set()
    while True:
        question = current_question(page, quiz, lang)
        if question.kind not in kinds_seen:
            check(page, f"question ({question.kind})", seen)
        answer_on_screen(page, run, "wrong")
        if question.kind not in kinds_seen:
            check(page, f"feedback ({question.kind})", seen)
            kinds_seen.add(question.kind)
        if not go_on(page, lang):
            break
    check(page, "results", seen)

    # A scenario with a story choice and a reflection.
    quiz = CONTENT.quiz("lillevik")
    page.goto(f"{server_url}#/s/{quiz.id}")
    page.get_by_role("button", name=w["start"], exact=True).click()
    run = Run(quiz, lang)
    while True:
        question = current_question(page, quiz, lang)
        if question.kind == "reflection":
            page.get_by_role("textbox", name=w["text"]).fill("Tekst")
            page.get_by_role("button", name=w["reveal"]).click()
            check(page, "reflection, model answer", seen)
        answer_on_screen(page, run)
        if question.kind in ("branching", "reflection"):
            check(page, f"feedback ({question.kind})", seen)
        if not go_on(page, lang):
            break
    page.goto(f"{server_url}#/s/{quiz.id}/utskrift")
    check(page, "printable result", seen)
    page.goto(f"{server_url}#/s/{quiz.id}/ny-start")
    check(page, "start over", seen)

    assert len(seen) >= 10
    assert {k: v for k, v in seen.items() if v} == {}
    page.context.close()
