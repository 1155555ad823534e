"""Addresses, back button, reload, resume, language, keyboard, small screens and embedding."""

from __future__ import annotations

import re
from typing import Any

import pytest

from quiz_engine.views.prompt import split_prompt
from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import (
    WORDS,
    Run,
    answer_on_screen,
    content,
    exact,
    go_on,
    open_app,
    settled,
)

CONTENT = content()
FIRST = CONTENT.quizzes[0]


def start_quiz(page: Any, url: str, quiz_id: str, lang: str = "nb") -> Run:
    quiz = CONTENT.quiz(quiz_id)
    assert quiz is not None
    page.goto(f"{url}#/s/{quiz_id}")
    page.get_by_role("heading", level=1, name=exact(quiz.title.get(lang))).wait_for()
    page.get_by_role("button", name="Start", exact=True).click()
    return Run(quiz, lang)


def heading(page: Any) -> str:
    settled(page)
    return " ".join(page.get_by_role("heading", level=1).inner_text().split())


def test_the_home_screen_is_in_the_html_before_python(server_url: str, browser: Any) -> None:
    page = browser.new_page()
    page.route("**/pyodide/**", lambda route: route.abort())  # Python never arrives
    page.goto(server_url)
    assert page.get_by_role("heading", level=1, name="Etikk og roller for folkevalgte").is_visible()
    links = page.get_by_role("link", name=re.compile("^Start: "))
    assert links.count() == len(CONTENT.quizzes)
    assert page.evaluate("performance.getEntriesByName('quiz:first-content').length") == 1
    page.close()


def test_reload_lands_on_the_same_screen_and_progress_is_kept(
    browser: Any, server_url: str
) -> None:
    page = open_app(browser, server_url)
    run = start_quiz(page, server_url, FIRST.id)
    first = answer_on_screen(page, run)
    go_on(page, "nb")
    answer_on_screen(page, run)
    address = page.url
    page.reload()
    wait_for_interactive(page)
    assert page.url == address
    assert page.locator("#feedback-heading").is_visible()  # the answer and its feedback are kept
    page.get_by_role("link", name="Forside").first.click()
    settled(page)
    resume = page.get_by_role("region", name="Fortsett der du slapp")
    assert resume.get_by_text(re.compile(r"2 av \d+ svart")).is_visible()
    resume.get_by_role("link", name="Fortsett").click()
    assert page.url == address
    page.get_by_role("link", name="Forrige").click()
    assert heading(page) == split_prompt(first.prompt.nb)[1]  # the question, below its situation
    assert page.errors == []
    page.context.close()


def test_the_back_button_goes_back_a_screen(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url)
    page.get_by_role("link", name=f"Start: {FIRST.title.nb}").click()
    assert heading(page) == FIRST.title.nb
    page.get_by_role("button", name="Start", exact=True).click()
    run = Run(FIRST, "nb")
    first = answer_on_screen(page, run)
    go_on(page, "nb")
    second = heading(page)
    page.go_back()
    page.wait_for_function("location.hash.endsWith('/1')")
    assert heading(page) == split_prompt(first.prompt.nb)[1]  # the question, below its situation
    page.go_forward()
    page.wait_for_function("location.hash.endsWith('/2')")
    assert heading(page) == second
    page.go_back()
    page.go_back()
    page.wait_for_function(f"location.hash === '#/s/{FIRST.id}'")
    assert heading(page) == FIRST.title.nb
    page.context.close()


@pytest.mark.parametrize(
    "address",
    ["#/tull", "#/s/finnes-ikke", "#/s/lillevik/999", "#/s/%E0%A4%A", "#/s/lillevik/resultat"],
)
def test_unknown_or_mangled_addresses_show_a_friendly_page(
    browser: Any, server_url: str, address: str
) -> None:
    page = open_app(browser, server_url + address)
    title = heading(page)
    if address.endswith("/resultat"):
        assert title == CONTENT.quiz("lillevik").title.nb  # not finished: back to the story
    else:
        assert title == "Vi fant ikke siden"
        page.get_by_role("link", name="Gå til forsiden").click()
        assert heading(page) == "Etikk og roller for folkevalgte"
    assert page.errors == []
    page.context.close()


def test_a_link_opens_a_given_scenario(browser: Any, server_url: str) -> None:
    quiz = CONTENT.quiz("oslotur")
    page = open_app(browser, f"{server_url}#/s/oslotur")
    assert heading(page) == quiz.title.nb
    page.context.close()


def test_language_is_remembered_and_lang_follows(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url, "nn")
    assert heading(page) == "Etikk og roller for folkevalde"
    assert page.get_by_role("button", name="Nynorsk").get_attribute("aria-pressed") == "true"
    page.reload()
    wait_for_interactive(page)
    assert page.evaluate("document.documentElement.lang") == "nn"
    assert heading(page) == "Etikk og roller for folkevalde"
    page.context.close()


def test_right_and_wrong_are_announced_in_words(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url)
    run = start_quiz(page, server_url, "gaver")
    answer_on_screen(page, run, "wrong")
    page.wait_for_function("document.getElementById('announce').textContent.length > 0")
    said = page.locator("#announce").text_content()
    assert said in ("Ikke riktig", "Delvis riktig")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "feedback-heading"
    page.context.close()


def test_reflection_text_is_saved_while_typing(browser: Any, server_url: str) -> None:
    quiz = CONTENT.quiz("lillevik")
    page = open_app(browser, server_url)
    run = start_quiz(page, server_url, quiz.id)
    while True:
        from tests.browser.driver import current_question

        question = current_question(page, quiz, "nb")
        if question.kind == "reflection":
            break
        answer_on_screen(page, run)
        go_on(page, "nb")
    page.get_by_role("textbox", name="Ditt svar").press_sequentially(
        "Jeg ville bedt om en habilitetsvurdering."
    )
    page.reload()
    wait_for_interactive(page)
    assert (
        page.get_by_role("textbox", name="Ditt svar").input_value()
        == "Jeg ville bedt om en habilitetsvurdering."
    )
    page.context.close()


def test_deferred_feedback_retry_and_start_over(browser: Any, server_url: str) -> None:
    quiz = CONTENT.quiz("gaver")
    page = open_app(browser, server_url)
    page.goto(f"{server_url}#/s/gaver")
    page.get_by_role("button", name="Svar på alt først, se svarene til slutt").click()
    count = 0
    while True:
        from tests.browser.driver import choose, current_question

        question = current_question(page, quiz, "nb")
        response = choose(question, "wrong" if count == 0 else "best")
        role = "checkbox" if question.kind == "multiple" else "radio"
        for option_id in response.choices:
            option = question.option(option_id)
            name = (
                WORDS["nb"]["lights"][option_id]
                if question.kind == "traffic_light"
                else option.text.nb
            )
            page.get_by_role(
                role if question.kind != "traffic_light" else "radio",
                name=re.compile("^" + re.escape(" ".join(name.split()))),
            ).check()
        if question.confidence:
            page.get_by_role("radio", name="Helt sikker").check()
        page.get_by_role("button", name="Lagre svaret").click()
        settled(page)
        assert page.get_by_text("Svaret er lagret.").is_visible()
        assert page.locator("#feedback-heading").count() == 0  # no feedback until the end
        count += 1
        if not go_on(page, "nb"):
            break
    assert page.locator(".score-number").inner_text() != "100 %"
    page.get_by_role("button", name="Prøv feilsvarene på nytt").click()
    settled(page)
    assert page.get_by_text("Nytt forsøk").is_visible()
    page.get_by_role("link", name="Forside").first.click()
    page.goto(f"{server_url}#/s/gaver")
    page.get_by_role("link", name="Start på nytt").click()
    assert heading(page) == "Vil du starte på nytt?"
    page.get_by_role("button", name="Ja, start på nytt").click()
    page.wait_for_function("location.hash === '#/s/gaver/1'")
    settled(page)
    assert page.get_by_role("button", name="Lagre svaret").is_visible()
    page.context.close()


def tab_to(page: Any, test_js: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {test_js})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {test_js}")


def test_a_whole_scenario_with_the_keyboard_alone(browser: Any, server_url: str) -> None:
    quiz = CONTENT.quiz("jubileumsmiddag")
    page = open_app(browser, server_url)
    tab_to(page, f"el.getAttribute('aria-label') === 'Start: {quiz.title.nb}'")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.tagName === 'H1'")
    tab_to(page, "el.dataset.action === 'start' && el.dataset.behaviour === 'immediate'")
    page.keyboard.press("Enter")
    from tests.browser.driver import choose, current_question

    while True:
        page.wait_for_function("document.activeElement.tagName === 'H1'")
        question = current_question(page, quiz, "nb")
        response = choose(question, "best")
        if question.kind == "reflection":
            tab_to(page, "el.tagName === 'TEXTAREA'")
            page.keyboard.type("Jeg takker nei.")
            tab_to(page, "el.dataset.action === 'reveal'")
            page.keyboard.press("Enter")
            for point in question.key_points:
                tab_to(page, f"el.type === 'checkbox' && el.value === '{point.id}'")
                page.keyboard.press("Space")
        elif question.kind == "multiple":
            for option_id in response.choices:
                tab_to(page, f"el.name === 'choice' && el.value === '{option_id}'")
                page.keyboard.press("Space")
        else:
            tab_to(page, "el.name === 'choice'")
            for _ in range(5):
                if page.evaluate(
                    f"document.querySelector('[name=choice][value=\"{response.choices[0]}\"]').checked"
                ):
                    break
                page.keyboard.press("ArrowDown")
            assert page.evaluate(
                f"document.querySelector('[name=choice][value=\"{response.choices[0]}\"]').checked"
            )
        if question.confidence:
            tab_to(page, "el.name === 'confidence'")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
        tab_to(page, "el.type === 'submit'")
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.id === 'feedback-heading'")
        if question.kind != "reflection":
            assert page.locator("#feedback-heading").inner_text().strip().endswith("Riktig")
        more = page.get_by_role("link", name="Neste spørsmål").count() > 0
        tab_to(page, "el.textContent.trim() === 'Neste spørsmål' || el.dataset.action === 'finish'")
        page.keyboard.press("Enter")
        if not more:
            break
    page.get_by_role("heading", level=1, name="Resultatet ditt").wait_for()
    assert page.locator(".score-number").inner_text() == "100 %"
    page.context.close()


@pytest.mark.parametrize("width", [320, 390])
def test_no_horizontal_scrolling_on_small_screens(
    browser: Any, server_url: str, width: int
) -> None:
    page = open_app(browser, server_url, viewport={"width": width, "height": 740})
    screens = []
    run = start_quiz(page, server_url, "oslotur")
    while True:
        screens.append(page.url)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url
        answer_on_screen(page, run, "wrong")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url
        if not go_on(page, "nb"):
            break
    for address in ("#/", "#/om"):
        page.goto(server_url + address)
        page.get_by_role("heading", level=1).wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, address
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.context.close()


def test_touch_targets_are_at_least_44_px(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url, viewport={"width": 768, "height": 1024})
    small = []
    run = start_quiz(page, server_url, "dispensasjon")
    for _ in range(3):
        answer_on_screen(page, run)
        small += page.evaluate(
            """() => [...document.querySelectorAll('button, .button, .choice, .lang-button, .site-nav a, summary')]
                .filter(el => el.offsetParent !== null)
                .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
                .filter(([, r]) => r.width < 44 || r.height < 44)
                .map(([t, r]) => `${t}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""
        )
        go_on(page, "nb")
    assert small == []
    page.context.close()


def test_works_inside_an_iframe_on_another_origin(embedded: Any) -> None:
    # The frame is third-party, where this Chromium denies storage: the app must still run
    # (in memory) and say so.
    frame = embedded.frame_locator("iframe")
    frame.get_by_role("heading", level=1, name="Etikk og roller for folkevalgte").wait_for()
    assert frame.get_by_text("Nettleseren lar oss ikke lagre noe").is_visible()
    frame.get_by_role("link", name=f"Start: {FIRST.title.nb}").click()
    frame.get_by_role("button", name="Start", exact=True).click()
    frame.get_by_role("button", name="Svar", exact=True).wait_for()
