"""The example kommune's edition (examples/fjellvik/), built into its own folder, as a councillor
in Fjellvik sees it: its name, coat of arms and colour, nynorsk first, its own gift limit and
contacts, its own quiz; axe clean. The neutral dist/ beside it stays the neutral edition."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz_engine import Content
from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import (
    WORDS,
    Run,
    answer_on_screen,
    complete,
    current_question,
    go_on,
    open_app,
    settled,
)
from tests.browser.test_accessibility import violations
from tests.browser.test_offline import reload_controlled, wait_for_precache
from tools.serve import start_server
from web.build.site import build, edition_content

ROOT = Path(__file__).resolve().parents[2]
FJELLVIK = ROOT / "examples" / "fjellvik" / "kommune.toml"
BRAND = "Fjellvik kommune Folkevald: etikk og roller"
LIMIT = {
    "nn": "I Fjellvik kommune er beløpsgrensa for gåver 500 kroner.",
    "nb": "I Fjellvik kommune er beløpsgrensen for gaver 500 kroner.",
}
HETS_CONTACT = "Politisk sekretariat (77 12 34 56, politikk@fjellvik.kommune.no)"


@pytest.fixture(scope="module")
def fjellvik_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("fjellvik") / "site"
    build(site, kommune=FJELLVIK)
    return site


@pytest.fixture(scope="module")
def fjellvik(fjellvik_site: Path) -> Iterator[str]:
    server, url = start_server(fjellvik_site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def local_content() -> Content:
    return edition_content(ROOT / "scenarios", FJELLVIK)[1]


def boot(browser: Any, url: str, **options: Any) -> Any:
    # open_app in "nb" switches nothing: the page opens in the edition's own language.
    return open_app(browser, url, "nb", **options)


def test_the_header_title_coat_of_arms_and_colour_are_fjellviks(
    browser: Any, fjellvik: str
) -> None:
    page = boot(browser, fjellvik)
    brand = page.get_by_role("link", name=BRAND, exact=True)
    assert brand.is_visible()
    arms = page.locator("header img.brand-arms")
    assert arms.get_attribute("src") == "./kommunevapen.svg"
    assert arms.evaluate("img => img.complete && img.naturalWidth > 0")
    assert arms.get_attribute("alt") == ""  # decorative: the name stands beside it
    assert page.title().endswith(" · Folkevald: etikk og roller · Fjellvik kommune")
    header = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header == "rgb(139, 30, 63)"
    start = page.get_by_role("link", name=re.compile("^Start: "))
    assert start.first.evaluate("el => getComputedStyle(el).color") == "rgb(139, 30, 63)"
    assert page.errors == []
    page.context.close()


def test_the_installed_app_is_named_for_fjellvik(browser: Any, fjellvik: str) -> None:
    page = boot(browser, fjellvik)
    manifest = page.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())"
    )
    assert manifest["name"] == "Folkevald: etikk og roller · Fjellvik kommune"
    assert manifest["short_name"] == "Fjellvik"
    assert manifest["lang"] == "nn" and manifest["theme_color"] == "#8b1e3f"
    theme = page.locator('meta[name="theme-color"]').get_attribute("content")
    assert theme == "#8b1e3f"
    page.context.close()


def test_nynorsk_first_and_the_switch_still_decides(browser: Any, fjellvik: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fjellvik)  # the prerendered page, before any script
    assert page.locator("html").get_attribute("lang") == "nn"
    assert page.get_by_role("heading", level=1).inner_text() == "Etikk og roller for folkevalde"
    context.close()

    page = boot(browser, fjellvik)
    assert page.evaluate("document.documentElement.lang") == "nn"
    assert page.get_by_role("button", name="Nynorsk").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Bokmål").click()
    page.wait_for_function("document.documentElement.lang === 'nb'")
    page.reload()
    page.wait_for_function("performance.getEntriesByName('quiz:interactive').length > 0")
    settled(page)
    assert page.evaluate("document.documentElement.lang") == "nb"
    assert page.get_by_role("heading", level=1).inner_text() == "Etikk og roller for folkevalgte"
    page.context.close()


def test_a_gift_question_gives_fjellviks_limit_in_nynorsk_and_bokmal(
    browser: Any, fjellvik: str, local_content: Content
) -> None:
    page = boot(browser, fjellvik)
    page.goto(f"{fjellvik}#/s/gaver")
    page.get_by_role("button", name=WORDS["nn"]["start"], exact=True).click()
    quiz = local_content.quiz("gaver")
    assert quiz is not None
    run = Run(quiz, "nn")
    # The bank is shuffled: answer until the question about a national limit comes.
    while current_question(page, quiz, "nn").id != "gaver-nasjonal-grense":
        answer_on_screen(page, run)
        assert go_on(page, "nn")
    answer_on_screen(page, run)
    explanation = page.locator(".feedback .explanation")
    assert LIMIT["nn"] in explanation.inner_text()
    assert "Mange kommunar har ei låg beløpsgrense" not in explanation.inner_text()
    page.get_by_role("button", name="Bokmål").click()
    page.wait_for_function("document.documentElement.lang === 'nb'")
    settled(page)
    assert LIMIT["nb"] in page.locator(".feedback .explanation").inner_text()
    page.context.close()


def test_whom_to_tell_about_hate_and_threats(browser: Any, fjellvik: str) -> None:
    page = boot(browser, fjellvik)
    page.goto(f"{fjellvik}#/s/hets")
    settled(page)
    story = page.locator(".story")
    assert f"I Fjellvik kommune kan du seie frå om hets og truslar til {HETS_CONTACT}." in (
        " ".join(story.inner_text().split())
    )
    page.context.close()


def test_the_about_screen_lists_fjellviks_contacts_and_guidelines(
    browser: Any, fjellvik: str
) -> None:
    page = boot(browser, fjellvik)
    page.goto(f"{fjellvik}#/om")
    settled(page)
    section = page.get_by_role("region", name="Fjellvik kommune")
    assert section.get_by_role("heading", level=2, name="Fjellvik kommune").is_visible()
    terms = [" ".join(t.split()) for t in section.locator("dt").all_inner_texts()]
    assert terms == [
        "Hets og truslar",
        "Spørsmål om habilitet",
        "Varsling om kritikkverdige forhold",
        "Personvernombod",  # contacts.personvern: whom to ask about the app's data
    ]
    phone = section.get_by_role("link", name="Telefon 77 12 34 56")
    assert phone.get_attribute("href") == "tel:77123456"
    mail = section.get_by_role("link", name="politikk@fjellvik.kommune.no")
    assert mail.get_attribute("href") == "mailto:politikk@fjellvik.kommune.no"
    assert "Kommuneadvokaten" in section.inner_text()
    ethics = section.get_by_role("link", name="Etiske retningsliner for folkevalde")
    assert ethics.get_attribute("href") == "https://fjellvik.kommune.no/etiske-retningsliner"
    assert section.get_by_role("link", name="Nettside").get_attribute("href") == (
        "https://fjellvik.kommune.no/varsling"
    )
    page.context.close()


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_fjellviks_own_quiz_plays_to_the_end(
    browser: Any, fjellvik: str, local_content: Content, lang: str
) -> None:
    page = boot(browser, fjellvik)
    if lang == "nb":
        page.get_by_role("button", name="Bokmål").click()
        page.wait_for_function("document.documentElement.lang === 'nb'")
    quiz = local_content.quiz("fjellvik-ferjekaia")
    assert quiz is not None
    page.get_by_role("link", name=f"Start: {quiz.title.get(lang)}").click()
    settled(page)
    assert "Fjellvik kommune" in page.locator(".story").inner_text()
    page.get_by_role("button", name=WORDS[lang]["start"], exact=True).click()
    run = Run(quiz, lang)
    complete(page, run)
    assert page.locator(".score-number").inner_text() == f"{run.expected_percent()} %"
    assert page.errors == []
    page.context.close()


def test_every_screen_of_the_edition_is_axe_clean(browser: Any, fjellvik: str) -> None:
    page = boot(browser, fjellvik, bypass_csp=True)  # axe is injected as a script
    seen: dict[str, list[str]] = {}
    for lang in ("nn", "nb"):
        if lang == "nb":
            page.get_by_role("button", name="Bokmål").click()
            page.wait_for_function("document.documentElement.lang === 'nb'")
        for name, address in (("home", "#/"), ("about", "#/om"), ("hets", "#/s/hets")):
            page.goto(fjellvik + address)
            settled(page)
            seen[f"{name} {lang}"] = violations(page)
    page.goto(f"{fjellvik}#/s/fjellvik-ferjekaia")
    settled(page)
    page.get_by_role("button", name="Start", exact=True).click()
    settled(page)
    seen["question"] = violations(page)
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Svar", exact=True).click()
    page.locator("#feedback-heading").wait_for()
    seen["feedback"] = violations(page)
    assert {k: v for k, v in seen.items() if v} == {}
    page.context.close()


def test_after_one_visit_fjellviks_edition_works_offline(
    browser: Any, fjellvik_site: Path, tmp_path: Path
) -> None:
    live = tmp_path / "site"
    shutil.copytree(fjellvik_site, live)
    server, url = start_server(live)
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(url)
    wait_for_interactive(page)
    wait_for_precache(page)
    server.shutdown()  # from here on every file must come from the device
    server.server_close()
    page.context.set_offline(True)
    reload_controlled(page)
    assert page.evaluate("document.documentElement.lang") == "nn"
    arms = page.locator("header img.brand-arms")
    assert arms.evaluate("img => img.complete && img.naturalWidth > 0")
    page.goto(f"{url}#/om")
    settled(page)
    assert page.get_by_role("region", name="Fjellvik kommune").is_visible()
    # The kommune's links are links, never fetched; nothing comes from another origin.
    foreign = [u for u in requested if not u.startswith((url, "blob:", "data:"))]
    assert requested and foreign == []
    context.close()


def test_the_neutral_build_beside_it_is_unchanged(browser: Any, server_url: str) -> None:
    page = boot(browser, server_url)
    assert page.get_by_role("link", name="Folkevalgt: etikk og roller", exact=True).is_visible()
    assert page.locator("header img").count() == 0
    assert page.evaluate("document.documentElement.lang") == "nb"
    assert not page.title().endswith("kommune")
    header = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header == "rgb(29, 59, 83)"
    manifest = page.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())"
    )
    assert manifest["name"] == "Folkevalgt: etikk og roller"
    page.goto(f"{server_url}#/om")
    settled(page)
    assert page.locator("section.kommune").count() == 0
    page.context.close()


def test_the_focus_ring_holds_on_fjellviks_colour_and_the_printout_is_fjellviks(
    browser: Any, fjellvik: str, local_content: Content, tmp_path: Path
) -> None:
    """The ring in the header stands on the kommune's colour (white on it, 3:1 or more, as the
    settings check guarantees); the printed result carries Fjellvik's name and arms, and its
    links print in Fjellvik's colour."""
    from tests.browser.test_contrast import ring_problems
    from tests.browser.test_learn_next import finished_wrong
    from tests.browser.test_print import poppler

    page = boot(browser, fjellvik)
    assert ring_problems(page, "Fjellvik home", stops=12) == []
    quiz = local_content.quiz("lillevik")
    assert quiz is not None
    key = f"folkevalgt-quiz:v1:session:{quiz.id}"
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, finished_wrong(quiz)])
    page.reload()
    wait_for_interactive(page)
    page.goto(f"{fjellvik}#/s/{quiz.id}/utskrift")
    settled(page)
    printout = page.locator(".printout")
    assert printout.locator("img.print-arms").get_attribute("src") == "./kommunevapen.svg"
    assert "Fjellvik kommune" in printout.locator(".print-brand").inner_text()
    page.emulate_media(media="print")
    link = printout.locator(".sources a").first
    assert link.evaluate("el => getComputedStyle(el).color") == "rgb(139, 30, 63)"
    pdf = tmp_path / "fjellvik.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(poppler("pdftotext", str(pdf), "-").split())
    assert text.startswith("Fjellvik kommune")
    assert page.errors == []
    page.context.close()


def test_the_footer_and_the_about_screen_give_fjellviks_accessibility_statement(
    browser: Any, fjellvik: str, server_url: str
) -> None:
    page = boot(browser, fjellvik)
    footer = page.get_by_role("contentinfo")
    link = footer.get_by_role("link", name="Tilgjengelegheitserklæring", exact=True)
    assert link.get_attribute("href") == (
        "https://uustatus.no/nn/erklaringer/publisert/fjellvik-folkevald"
    )
    page.goto(f"{fjellvik}#/om")
    settled(page)
    section = page.get_by_role("region", name="Tilgjenge")
    assert "Fjellvik kommune har ansvaret for denne utgåva" in section.inner_text()
    feedback = section.get_by_role("link", name="https://fjellvik.kommune.no/tilbakemelding")
    assert feedback.get_attribute("href") == "https://fjellvik.kommune.no/tilbakemelding"
    page.context.close()
    # The neutral edition has no statement of its own: its footer leads to the about screen,
    # which names the project and how to report a problem.
    page = boot(browser, server_url)
    page.get_by_role("contentinfo").get_by_role("link", name="Tilgjengelighet").click()
    settled(page)
    section = page.get_by_role("region", name="Tilgjengelighet")
    assert "prosjektet «Folkevalgt: etikk og roller»" in section.inner_text()
    assert "Si fra til den som ga deg lenken" in section.inner_text()
    page.context.close()
