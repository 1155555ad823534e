"""The reveal on a projector keeps the room's view: on a six-option question at 1920x1080 and
1024x768, "Vis vurderingen" (by click and by PageDown) scrolls nothing, the question, the band
with the assessment and the room's counts stay in view, and focus stays on the step buttons.
At 1280 px and below the facilitator's tools are folded and the controls take a narrow column.
The summary names the assessed options in words."""

from __future__ import annotations

from typing import Any

import pytest

from quiz_engine.app.seminar import state as st
from quiz_engine.kinds import LETTERS
from tests.browser.driver import content, open_app
from tests.browser.seminar_driver import at_step, shoot
from tests.browser.test_accessibility import violations

CONTENT = content()
QUIZ = CONTENT.quiz("lillevik")


def in_view(locator: Any, height: int) -> bool:
    box = locator.evaluate(
        "el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom]; }"
    )
    return box[0] >= 0 and box[0] < height


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_the_reveal_keeps_the_question_and_the_counts_in_view(
    browser: Any, server_url: str, size: tuple[int, int]
) -> None:
    assert QUIZ is not None
    width, height = size
    total = len(st.steps(QUIZ))
    question = QUIZ.question(st.path(QUIZ)[0])
    assert question is not None and len(question.options) >= 6
    letters = ", ".join(LETTERS[n] for n, o in enumerate(question.options) if o.correct)
    page = open_app(
        browser, server_url, bypass_csp=True, viewport={"width": width, "height": height}
    )
    page.goto(f"{server_url}#/seminar/{QUIZ.id}")
    at_step(page, "nb", 1, total)

    fold = page.get_by_role("group").filter(has_text="Tidtakerens lengde og verktøy")
    folded = not fold.evaluate("el => el.open")
    assert folded == (width <= 1280)
    side = page.locator(".seminar-side").evaluate("el => el.getBoundingClientRect().width")
    assert side / width <= (0.25 if width <= 1280 else 0.2), side

    for how in ("click", "PageDown"):
        page.keyboard.press("PageDown")
        at_step(page, "nb", 2, total)
        before = page.evaluate("scrollY")
        if how == "click":
            page.get_by_role("button", name="Vis vurderingen", exact=True).click()
        else:
            page.keyboard.press("PageDown")
        at_step(page, "nb", 3, total)
        assert page.evaluate("scrollY") == before, how
        band = page.get_by_role("region", name="Vurderingen", exact=True)
        assert band.inner_text().split("\n")[-1].strip() == letters
        for shown in (
            page.get_by_role("heading", level=1),
            band,
            page.get_by_role("heading", name="Kortene i salen", exact=True),
            page.locator(".tally-card.is-verdict").first,
        ):
            assert in_view(shown, height), (how, shown)
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "Neste", how
        page.keyboard.press("PageUp")
        at_step(page, "nb", 2, total)
        page.keyboard.press("PageUp")
        at_step(page, "nb", 1, total)
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    at_step(page, "nb", 3, total)
    shoot(page, f"reveal-six-{width}", top=True)
    assert violations(page) == []
    # B blanks the screen only while focus is on the seminar's screen (WCAG 2.1.4): typed with
    # focus on the header's links it does nothing; PageDown and PageUp work from anywhere.
    page.get_by_role("link", name="Seminar", exact=True).focus()
    page.keyboard.press("b")
    page.keyboard.press("PageUp")
    at_step(page, "nb", 2, total)
    assert page.locator(".seminar-blank").count() == 0
    page.keyboard.press("b")  # focus is on the question's heading again
    page.locator(".seminar-blank").wait_for()
    # The summary gives the assessed options in words, not letters alone ("A, C, D, F").
    page.goto(f"{server_url}#/seminar/{QUIZ.id}/oppsummering")
    row = page.get_by_role("row").filter(has_text=" ".join(question.prompt.nb.split())[-40:])
    row.wait_for()
    assessed = row.get_by_role("cell").nth(1).get_by_role("listitem").all_inner_texts()
    wanted = [
        f"{LETTERS[n]}: {' '.join(o.text.nb.split())}"
        for n, o in enumerate(question.options)
        if o.correct
    ]
    assert [" ".join(a.split()) for a in assessed] == wanted
    assert page.errors == []
    page.context.close()
