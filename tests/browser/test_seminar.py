"""The seminar on a projector, driven by the keyboard alone, in both languages; axe on every
screen; screenshots at 1920x1080 and 1024x768; nothing of the verdict before the reveal."""

from __future__ import annotations

import html
from typing import Any

import pytest

from quiz_engine.app.seminar import state as st
from tests.browser.driver import content, open_app
from tests.browser.seminar_driver import WORDS, at_step, settled, shoot, tab_to
from tests.browser.test_accessibility import violations

CONTENT = content()
QUIZ = CONTENT.quiz("dispensasjon")


def secrets_of(question: Any, lang: str) -> list[str]:
    """Texts that only the reveal may show, escaped as they would be in the page's HTML."""
    found = [" ".join(question.explanation.get(lang).split())[:50]]
    found += [" ".join(o.feedback.get(lang).split())[:50] for o in question.options if o.feedback]
    return [html.escape(text, quote=False) for text in found]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_whole_facilitator_flow_by_keyboard_alone(
    browser: Any, server_url: str, lang: str
) -> None:
    assert QUIZ is not None
    w = WORDS[lang]
    total = len(st.steps(QUIZ))
    page = open_app(
        browser, server_url, lang, bypass_csp=True, viewport={"width": 1920, "height": 1080}
    )
    seen: dict[str, list[str]] = {}
    page.goto(server_url + "#/seminar")
    settled(page)
    seen["picker"] = violations(page)
    shoot(page, f"{lang}-picker")

    title = QUIZ.title.get(lang)
    tab_to(page, page.get_by_role("link", name=f"{w['run']}: {title}", exact=True))
    page.keyboard.press("Enter")
    at_step(page, lang, 1, total)
    seen["story"] = violations(page)
    shoot(page, f"{lang}-story")

    first = QUIZ.question(st.path(QUIZ)[0])
    assert first is not None and first.kind == "traffic_light"
    page.keyboard.press("PageDown")
    at_step(page, lang, 2, total)
    source = page.content()
    assert page.get_by_role("heading", name=w["tally"]).is_visible()
    for secret in secrets_of(first, lang):
        assert secret not in source, f"{secret!r} is in the page before the reveal"
    assert "is-verdict" not in source
    assert page.get_by_role("heading", name=w["verdict"], exact=True).count() == 0

    # Two green cards from the room (the assessment is red): by Tab and Enter.
    for n in (0, 1):
        more = page.get_by_role("button", name=w["more"].format(card=w["green"], n=n), exact=True)
        tab_to(page, more)
        page.keyboard.press("Enter")
    page.get_by_role("button", name=w["more"].format(card=w["green"], n=2), exact=True).wait_for()
    assert page.locator(".tally-green .tally-count").inner_text() == "2 kort"
    seen["question"] = violations(page)
    shoot(page, f"{lang}-question", top=True)

    # The timer: start, see it run, pause, see it stand still; the step never moves.
    tab_to(page, page.get_by_role("button", name=w["start_timer"], exact=True))
    page.keyboard.press("Enter")
    clock = page.locator(".timer-clock")
    page.wait_for_function(
        "() => !['03:00', ''].includes(document.querySelector('.timer-clock')?.textContent)",
        timeout=5_000,
    )
    assert page.locator(".timer-state").inner_text() == w["running"]
    pause = page.get_by_role("button", name=w["pause"], exact=True)
    assert pause.evaluate("el => el === document.activeElement")  # focus stayed on the toggle
    page.keyboard.press("Enter")
    page.locator(".timer-state", has_text=w["stopped"]).wait_for()
    # Paused: the shell's clock stops ticking (the unit tests show the time stands still).
    assert page.locator("[data-ticking]").count() == 0
    assert clock.inner_text() != "03:00"

    # A custom length of 3 seconds (0,05 minutes) runs out: the timer says so and stops; the
    # step stays where it is.
    tab_to(page, page.get_by_label(w["custom"]))
    page.keyboard.type("0,05")
    page.keyboard.press("Enter")
    page.locator(".timer-clock", has_text="00:03").wait_for()
    toggle = page.get_by_role("button", name=w["start_timer"], exact=True)
    assert toggle.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.locator(".timer-state", has_text=w["time_up"]).wait_for(timeout=10_000)
    page.locator("#announce", has_text=w["time_up"]).wait_for()
    restart = page.get_by_role("button", name=w["restart"], exact=True)
    assert restart.evaluate("el => el === document.activeElement")  # focus kept in the redraw
    assert page.locator("[data-ticking]").count() == 0
    at_step(page, lang, 2, total)

    # The reveal: the verdict, the explanation and the sources, and the room's cards beside it.
    page.keyboard.press("PageDown")
    at_step(page, lang, 3, total)
    band = page.get_by_role("region", name=w["verdict"], exact=True)
    assert w["red"] in band.inner_text()  # the band in the light's colour says it in words
    colour = "el => getComputedStyle(el).backgroundColor"
    red_lamp = page.locator(".seminar-light.light-red .lamp").first.evaluate(colour)
    assert band.evaluate(colour) == red_lamp == "rgb(198, 40, 40)"
    # Nothing moved: focus is on the step buttons, the page did not scroll (test_seminar_reveal).
    assert page.evaluate("document.activeElement.dataset.action") == "seminar-step"
    verdict = page.locator(".seminar-verdict")
    explanation = " ".join(first.explanation.get(lang).split())[:50]
    assert explanation in " ".join(verdict.inner_text().split())
    assert w["red"] in page.locator(".tally-card.is-verdict").inner_text()
    seen["reveal"] = violations(page)
    shoot(page, f"{lang}-reveal")

    # Blank the screen (B and "."), bring it back (Escape, PageDown).
    page.keyboard.press("b")
    page.locator(".seminar-blank").wait_for()
    seen["blank"] = violations(page)
    shoot(page, f"{lang}-blank")
    page.keyboard.press("Escape")
    at_step(page, lang, 3, total)
    page.keyboard.press(".")
    page.locator(".seminar-blank").wait_for()
    page.keyboard.press("PageDown")  # comes back first, without moving
    at_step(page, lang, 3, total)

    # Controls hidden for the projector, back with Escape.
    tab_to(page, page.get_by_role("button", name=w["hide"], exact=True))
    page.keyboard.press("Enter")
    page.locator(".controls-hidden").wait_for()
    assert page.get_by_role("button", name=w["show"]).evaluate(
        "el => el === document.activeElement"
    )
    seen["controls hidden"] = violations(page)
    shoot(page, f"{lang}-hidden")
    page.keyboard.press("Escape")
    page.get_by_role("button", name=w["hide"], exact=True).wait_for()

    # PageDown through the rest: every asked question keeps its verdict out of the page.
    for n in range(4, total + 1):
        page.keyboard.press("PageDown")
        at_step(page, lang, n, total)
        step = st.steps(QUIZ)[n - 1]
        if step.kind == st.ASK:
            question = QUIZ.question(step.question)
            source = page.content()
            assert all(s not in source for s in secrets_of(question, lang)), step
    page.keyboard.press("PageUp")
    at_step(page, lang, total - 1, total)
    page.keyboard.press("PageDown")
    at_step(page, lang, total, total)
    summary = page.locator(".seminar-summary")
    first_row = summary.locator("tbody tr").first
    assert w["disagrees"] in first_row.inner_text() and "2 kort" in first_row.inner_text()
    seen["summary step"] = violations(page)
    shoot(page, f"{lang}-summary-step")

    page.goto(f"{server_url}#/seminar/{QUIZ.id}/oppsummering")
    settled(page)
    assert w["disagrees"] in page.locator(".seminar-summary tbody tr").first.inner_text()
    seen["summary"] = violations(page)
    page.emulate_media(media="print")
    shoot(page, f"{lang}-summary-print")
    page.emulate_media(media="screen")

    # Kept on the device: a reload comes back to the same tally.
    page.reload()
    settled(page)
    assert w["disagrees"] in page.locator(".seminar-summary tbody tr").first.inner_text()
    stored = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.endsWith(':seminar:dispensasjon'))"
    )
    assert stored == ["folkevalgt-quiz:v1:seminar:dispensasjon"]

    assert {k: v for k, v in seen.items() if v} == {}
    assert page.errors == []
    page.context.close()
