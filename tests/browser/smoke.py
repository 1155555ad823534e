"""The cross-engine smoke run shared by the Firefox and WebKit tests.

One short scenario, answered best everywhere, then a reload that must land on the results again.
The plan says, for each question prompt on screen, which controls to use by role and accessible
name; it comes from the content through the engine (as in driver.py), so a changed scenario
changes the plan, not the tests.
"""

from __future__ import annotations

import os
from typing import Any, NoReturn

import pytest

from tests.browser.driver import WORDS, choose, content, plain
from web.build.catalogues import read_catalogues

QUIZ_ID = "jubileumsmiddag"
LANG = "nb"
EXPECTED_PERCENT = "100 %"
RESULTS_HASH = f"#/s/{QUIZ_ID}/resultat"
TIMEOUT_S = 90
INTERACTIVE_MARK = "quiz:interactive"
REFLECTION_TEXT = "Jeg ville sagt fra og bedt om en vurdering."


def no_browser(reason: str) -> NoReturn:
    """A missing browser skips locally and fails under CI=true (as conftest.py does)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def plan() -> dict[str, Any]:
    """Everything a driver needs: the address, the button names, and per prompt the answer."""
    quiz = content().quiz(QUIZ_ID)
    assert quiz is not None, f"no quiz {QUIZ_ID!r} in scenarios/"
    w = WORDS[LANG]
    t = read_catalogues()[LANG]
    questions: dict[str, dict[str, Any]] = {}
    for question in quiz.questions:
        response = choose(question, "best")
        step: dict[str, Any] = {"kind": question.kind, "text": None, "check": []}
        if question.kind == "reflection":
            step["text"] = REFLECTION_TEXT
            step["check"] = [
                {"role": "checkbox", "name": plain(p.text.get(LANG))}
                for p in question.key_points
                if p.id in response.ticked
            ]
        elif question.kind == "traffic_light":
            # The label reads "Gult lys" and then its hint, e.g. "Tvilsomt, må vurderes".
            light = response.choices[0]
            name = f"{t[f'light.{light}']} {t[f'light.{light}_hint']}"
            step["check"] = [{"role": "radio", "name": plain(name)}]
        else:
            role = "checkbox" if question.kind == "multiple" else "radio"
            for option_id in response.choices:
                option = question.option(option_id)
                assert option is not None
                step["check"].append({"role": role, "name": plain(option.text.get(LANG))})
        if question.confidence:
            step["check"].append({"role": "radio", "name": w["sure"]})
        questions[plain(question.prompt.get(LANG))] = step
    return {
        "quizId": QUIZ_ID,
        "title": plain(quiz.title.get(LANG)),
        "resultsHash": RESULTS_HASH,
        "mark": INTERACTIVE_MARK,
        "timeoutMs": TIMEOUT_S * 1000,
        "words": {
            k: w[k] for k in ("start", "submit", "next", "finish", "reveal", "text", "results")
        },
        "questions": questions,
    }
