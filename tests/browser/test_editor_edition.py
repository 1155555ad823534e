"""A kommune's edition made in the editor, in Chromium, by role and accessible name: the Fjellvik
example's settings typed into the form, a refused colour's contrast beside its field and then
fixed, the coat of arms and the own quiz chosen, the quizzes put in order; the folder downloaded
is the one the build accepts and gives the same edition as the example's own settings file; the
finished edition, built in the browser, is the command line's site file for file, and works
served from anywhere, offline after one visit, axe clean."""

from __future__ import annotations

import tomllib
import zipfile
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from quiz_engine.content.kommune import read_settings
from tests.browser.driver import WORDS, Run, answer_on_screen, current_question, go_on, open_app
from tests.browser.editor_driver import idle, open_editor, problem_beside, started
from tests.browser.test_accessibility import violations
from tests.browser.test_offline import reload_controlled, wait_for_precache
from tools.serve import start_server
from web.build.site import build, edition_content

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "fjellvik"
SHOTS = ROOT / "docs" / "screenshots"
SETTINGS = tomllib.loads((EXAMPLE / "kommune.toml").read_text(encoding="utf-8"))
OWN = EXAMPLE / "scenarios" / "fjellvik-ferjekaia.toml"
OWN_TITLE = tomllib.loads(OWN.read_text(encoding="utf-8"))["title"]["nb"]
OWN_TITLE_NN = tomllib.loads(OWN.read_text(encoding="utf-8"))["title"]["nn"]
BRAND = "Fjellvik kommune Folkevald: etikk og roller"
LIMIT = "I Fjellvik kommune er beløpsgrensa for gåver 500 kroner."
BUILD_TIMEOUT_MS = 180_000
ROLES = {"hets": "Hets og trusler", "habilitet": "Habilitet", "varsling": "Varsling"}
ROLES["personvern"] = "Personvernombud"
CONTACT = {"name": "Navn", "phone": "Telefon", "email": "E-post", "url": "Nettadresse"}
SHOWN = {
    "lillevik": "Fritidsbolig med mange avvik",
    "gaver": "Gaver, reiser og bevertning",
    "habilitet": "Habilitet: når må du tre til side?",
    "hets": "Hets og trusler",
}


def fill(page: Any, label: str, value: str) -> None:
    page.get_by_label(label, exact=True).fill(value)


def test_the_fjellvik_example_filled_in_gives_the_folder_the_build_accepts(
    browser: Any, server_url: str, tmp_path: Path
) -> None:
    page = open_editor(browser, server_url, viewport={"width": 1280, "height": 800})
    # The kommune's own quiz, made (here: opened) in the editor, with the sources it cites.
    page.get_by_label("Velg TOML-fil").set_input_files(
        [str(OWN), str(EXAMPLE / "scenarios" / "sources-fjellvik.toml")]
    )
    expect(page.get_by_role("heading", level=1, name=OWN_TITLE)).to_be_visible()
    page.get_by_role("link", name="Åpne en quiz").click()
    page.get_by_role("link", name="Lag kommunens utgave").click()
    expect(page.get_by_role("heading", level=1, name="Kommunens utgave")).to_be_visible()

    kommune = SETTINGS["kommune"]
    fill(page, "Kommunens navn (påkrevd)", kommune["name"])
    fill(page, "Kort navn", kommune["short_name"])
    page.get_by_label("Målform appen åpner i").select_option(kommune["default_language"])
    page.get_by_label("Velg kommunevåpen").set_input_files(str(EXAMPLE / kommune["coat_of_arms"]))
    expect(page.get_by_text("Valgt fil:")).to_contain_text(kommune["coat_of_arms"])

    # A light colour, picked: its contrast is measured at once, and refused beside the field
    # in the build's words; the kommune's dark red passes.
    picker = page.get_by_label("Velg farge", exact=True)
    picker.fill("#4a8fa3")
    colour = page.get_by_role("textbox", name="Kommunens farge (#rrggbb)")
    expect(colour).to_have_value("#4a8fa3")
    expect(problem_beside(page, colour)).to_have_text(
        "white text on #4a8fa3 has a contrast of 3.6:1; WCAG AA needs 4.5:1. "
        "Choose a darker colour."
    )
    expect(page.locator("#edition-contrast")).to_contain_text("hvit tekst på fargen 3.6:1")
    expect(colour).to_have_attribute("aria-invalid", "true")
    page.get_by_role("heading", level=2, name="Farge").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "edition-colour-1280x800.png"))
    colour.fill(SETTINGS["theme"]["primary"])
    expect(problem_beside(page, colour)).to_be_hidden()
    expect(page.locator("#edition-contrast")).to_contain_text("Begge når 4.5:1")

    fill(page, "Beløpsgrense for gaver, i kroner", str(SETTINGS["gifts"]["limit_nok"]))
    for role, fields in SETTINGS["contacts"].items():
        for key, value in fields.items():
            fill(page, f"{ROLES[role]}: {CONTACT[key]}", value)
    links = SETTINGS["links"]
    fill(page, "Etiske retningslinjer for folkevalgte", links["ethics"])
    fill(page, "Retningslinjer for sosiale medier", links["social_media"])
    fill(page, "Reglement for politiske organer", links["reglement"])
    statement = SETTINGS["accessibility"]
    fill(page, "Adressen til erklæringen (https://uustatus.no/…)", statement["statement"])
    fill(
        page,
        "Hvor man melder fra om feil (e-post eller https://-adresse)",
        statement["contact"],
    )

    page.get_by_role("checkbox", name=f"Ta med: {OWN_TITLE}").check()
    adding = page.get_by_label("Legg til en quiz")
    titles = {**SHOWN, "fjellvik-ferjekaia": OWN_TITLE}
    for quiz_id in SETTINGS["quizzes"]["show"]:
        adding.select_option(label=f"{titles[quiz_id]} ({quiz_id})")
        page.get_by_role("button", name="Legg til", exact=True).click()
        idle(page)
    chosen = page.get_by_role("group", name="Quizene utgaven viser, i denne rekkefølgen")
    expect(chosen.get_by_role("listitem")).to_have_count(len(SETTINGS["quizzes"]["show"]))
    expect(page.locator("#edition-status")).to_contain_text("ingen problemer")
    # Kept on the device: a reload shows the same form. The reload waits for the editor's
    # service worker to have kept every file (its install), so that the page it loads is one
    # the worker answers, offline too ("offline after one visit" means after that install).
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    started(page)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    expect(page.get_by_label("Kommunens navn (påkrevd)", exact=True)).to_have_value(kommune["name"])
    expect(page.locator("#edition-status")).to_contain_text("ingen problemer")
    page.screenshot(path=str(SHOTS / "edition-1280x800.png"))

    page.get_by_role("link", name="Last ned", exact=True).click()
    with page.expect_download() as toml_download:
        page.get_by_role("button", name="Last ned kommune.toml").click()
    written = tomllib.loads(Path(toml_download.value.path()).read_text(encoding="utf-8"))
    assert written == SETTINGS
    with page.expect_download() as zip_download:
        page.get_by_role("button", name="Last ned kommune.zip").click()
    with zipfile.ZipFile(zip_download.value.path()) as zf:
        zf.extractall(tmp_path)
    folder = tmp_path / "kommune"
    # What the build reads: the settings, the coat of arms, the own quiz; the same edition as
    # the example's own file, and the build's checks of the own quiz and the order pass.
    ours = read_settings(folder / "kommune.toml")
    assert ours.edition == read_settings(EXAMPLE / "kommune.toml").edition
    settings, content = edition_content(ROOT / "scenarios", folder / "kommune.toml")
    assert settings is not None
    assert [q.id for q in content.quizzes] == SETTINGS["quizzes"]["show"]

    # The finished edition, built in the browser from the site's own files, with the network
    # off: the editor's service worker keeps every file of the kit after one visit.
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active !== null)")
    page.context.set_offline(True)
    with page.expect_download(timeout=BUILD_TIMEOUT_MS) as site_download:
        page.get_by_role("button", name="Last ned ferdig utgave").click()
    page.context.set_offline(False)
    assert site_download.value.suggested_filename == "folkevalgt-fjellvik.zip"
    with zipfile.ZipFile(site_download.value.path()) as zf:
        zf.extractall(tmp_path / "ferdig")
    assert page.errors == []
    page.context.close()
    finished_site_works(browser, tmp_path / "ferdig" / "folkevalgt", tmp_path / "cli")


def test_an_edition_the_browser_cannot_build_says_so_beside_its_button(
    browser: Any, server_url: str
) -> None:
    """Where the finished edition cannot be built in this browser (here its kit cannot be
    fetched), the section says so on screen, not only to screen readers."""
    page = open_editor(browser, server_url, service_workers="block")
    page.context.route("**/redaktor/byggesett.*", lambda route: route.abort())
    page.get_by_role("link", name="Lag kommunens utgave").click()
    fill(page, "Kommunens navn (påkrevd)", SETTINGS["kommune"]["name"])
    page.get_by_role("link", name="Last ned", exact=True).click()
    page.get_by_role("button", name="Last ned ferdig utgave").click()
    section = page.get_by_role("region", name="Ferdig utgave")
    expect(section.get_by_text("Utgaven kunne ikke bygges i denne nettleseren")).to_be_visible(
        timeout=BUILD_TIMEOUT_MS
    )
    page.context.close()


def finished_site_works(browser: Any, site: Path, cli: Path) -> None:
    """The zip is the site ``make build KOMMUNE=examples/fjellvik/kommune.toml`` makes, file for
    file; served, it shows Fjellvik's name, nynorsk, its gift limit and its own quiz, offline
    after one visit, axe clean."""
    build(cli, kommune=EXAMPLE / "kommune.toml")
    made = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    wanted = {p.relative_to(cli).as_posix(): p.read_bytes() for p in cli.rglob("*") if p.is_file()}
    assert sorted(made) == sorted(wanted) and made
    assert [n for n in made if made[n] != wanted[n]] == []
    server, url = start_server(site)
    page = open_app(browser, url, "nb", bypass_csp=True)  # axe is injected as a script
    assert page.locator("html").get_attribute("lang") == "nn"
    expect(page.get_by_role("link", name=BRAND, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=f"Start: {OWN_TITLE_NN}")).to_be_visible()
    assert violations(page) == []
    wait_for_precache(page)
    server.shutdown()  # from here on, every file comes from the device
    server.server_close()
    page.context.set_offline(True)
    reload_controlled(page)
    page.goto(f"{url}#/s/gaver")
    page.get_by_role("button", name=WORDS["nn"]["start"], exact=True).click()
    quiz = edition_content(ROOT / "scenarios", EXAMPLE / "kommune.toml")[1].quiz("gaver")
    assert quiz is not None
    run = Run(quiz, "nn")
    while current_question(page, quiz, "nn").id != "gaver-nasjonal-grense":
        answer_on_screen(page, run)
        assert go_on(page, "nn")
    answer_on_screen(page, run)
    assert LIMIT in page.locator(".feedback .explanation").inner_text()
    assert violations(page) == []
    assert page.errors == []
    page.context.close()
