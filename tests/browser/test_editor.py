"""The quiz editor in Chromium, by role and accessible name: a shipped quiz opened and changed
with the preview following, an nynorsk text emptied and its problem beside the field, a traffic
light from nothing played in the preview and saved for the checker, a broken file's problems
with their lines."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from quiz_engine.editor.problems import SEPARATOR
from tests.browser.editor_driver import (
    open_editor,
    open_shipped,
    preview,
    problem_beside,
    section,
)

ROOT = Path(__file__).resolve().parents[2]


def place(*steps: str) -> str:
    """Where a problem is, as the list of problems names it."""
    return SEPARATOR.join(steps)


SCENARIOS = ROOT / "scenarios"


def test_a_changed_prompt_shows_in_the_preview_and_an_empty_nynorsk_text_beside_its_field(
    browser: Any, server_url: str
) -> None:
    page = open_editor(browser, server_url, viewport={"width": 1280, "height": 800})
    open_shipped(page, "Gaver, reiser og bevertning")
    section(page, "2.").click()
    expect(
        page.get_by_role("heading", level=2, name=re.compile("^Spørsmål 2 av 14"))
    ).to_be_visible()
    frame = preview(page)
    # The app shows a prompt as its situation, then the question as the heading.
    expect(frame.locator(".prompt-block")).to_contain_text("100-årsjubileet")

    prompt_nb = page.get_by_role("textbox", name="Spørsmålet: Bokmål")
    prompt_nb.fill(
        "Du har holdt tale for idrettslaget og får blomster. Rødt, gult eller grønt lys?"
    )
    expect(frame.get_by_role("heading", level=1)).to_have_text("Rødt, gult eller grønt lys?")
    expect(frame.locator(".prompt-block")).to_have_text(
        "Du har holdt tale for idrettslaget og får blomster. Rødt, gult eller grønt lys?"
    )

    prompt_nn = page.get_by_role("textbox", name="Spørsmålet: Nynorsk")
    prompt_nn.fill("")
    beside = problem_beside(page, prompt_nn)
    expect(beside).to_have_text("the nynorsk text is empty. Write it in nynorsk.")
    expect(prompt_nn).to_have_attribute("aria-invalid", "true")
    problems = page.get_by_role("region", name=re.compile("^Problemer"))
    expect(
        problems.get_by_role("link", name=place("Spørsmål 2", "Spørsmålet", "Nynorsk"))
    ).to_be_visible()
    expect(problems).to_contain_text(re.compile(r"linje \d+"))
    expect(section(page, "2.")).to_be_visible()
    expect(page.get_by_text("1 problem").first).to_be_visible()

    prompt_nn.fill("Du har halde tale for idrettslaget og får blomar. Raudt, gult eller grønt lys?")
    expect(beside).to_be_hidden()
    expect(prompt_nn).not_to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("heading", name="Ingen problemer")).to_be_visible()

    # A kommune's setting is offered, not typed from memory: it goes in where the cursor is.
    prompt_nb.click()
    prompt_nb.press("Control+End")
    page.get_by_text("Sett inn en plassholder for kommunens innstillinger").click()
    page.get_by_role("button", name="Kommunens navn").click()
    expect(prompt_nb).to_have_value(re.compile(r"\{kommune\|kommunen\}$"))
    expect(frame.get_by_role("heading", level=1)).to_have_text(re.compile(r"lys\?kommunen$"))
    assert page.errors == []
    page.context.close()


def test_a_traffic_light_from_nothing_is_played_in_the_preview_and_saved_for_the_checker(
    browser: Any, server_url: str, tmp_path: Path
) -> None:
    page = open_editor(
        browser, server_url, viewport={"width": 1280, "height": 800}, accept_downloads=True
    )
    open_shipped(page, "Rødt eller grønt lys? Del 2: Oslo-turen")
    page.get_by_role("group", name="Nytt spørsmål").get_by_role("button", name="Trafikklys").click()
    heading = page.get_by_role(
        "heading", level=2, name=re.compile(r"^Spørsmål (\d+) av \1: Trafikklys$")
    )
    expect(heading).to_be_visible()
    texts = {
        "Spørsmålet: Bokmål": "Leverandøren sender ordføreren en kurv med julemat. Rødt, gult eller grønt lys?",
        "Spørsmålet: Nynorsk": "Leverandøren sender ordføraren ei korg med julemat. Raudt, gult eller grønt lys?",
        "Forklaring: Bokmål": "Rødt lys: leverandøren har en avtale med kommunen.",
        "Forklaring: Nynorsk": "Raudt lys: leverandøren har ein avtale med kommunen.",
        "Gult lys: Tilbakemelding: Bokmål": "Her er det ikke noe å veie.",
        "Gult lys: Tilbakemelding: Nynorsk": "Her er det ikkje noko å vege.",
        "Grønt lys: Tilbakemelding: Bokmål": "En gave fra en leverandør kan svekke tilliten.",
        "Grønt lys: Tilbakemelding: Nynorsk": "Ei gåve frå ein leverandør kan svekkje tilliten.",
    }
    for name, text in texts.items():
        page.get_by_role("textbox", name=name, exact=True).fill(text)
    page.get_by_role("combobox", name=re.compile("Legg til en kilde$")).select_option("fvl-6")
    page.get_by_role("button", name="Legg til", exact=True).click()
    expect(page.get_by_role("heading", name="Ingen problemer")).to_be_visible()

    frame = preview(page)
    expect(frame.locator(".prompt-block")).to_have_text(texts["Spørsmålet: Bokmål"])
    frame.get_by_role("radio", name=re.compile("^Grønt lys")).check()
    frame.get_by_role("button", name="Svar", exact=True).click()
    expect(frame.get_by_role("heading", level=2, name=re.compile("Ikke riktig"))).to_be_visible()
    expect(frame.get_by_text("En gave fra en leverandør kan svekke tilliten.")).to_be_visible()

    page.get_by_role("link", name="Lagre").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned oslotur.toml").click()
    folder = tmp_path / "scenarios"
    shutil.copytree(SCENARIOS, folder)
    download.value.save_as(folder / "oslotur.toml")
    done = subprocess.run(
        [sys.executable, "-m", "quiz_engine", "check", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "julemat" in (folder / "oslotur.toml").read_text(encoding="utf-8")
    assert page.errors == []
    page.context.close()


BROKEN = """id = "lokal"
kind = "bank"
order = 900
topics = ["gaver"]
sources = ["fvl-6"]
valid_as_of = 2026-11-23
pass_mark = 70
title.nb = "Lokale regler"
summary.nb = "Kort."
summary.nn = "Kort."
intro.nb = "Innledning."
intro.nn = "Innleiing."

[[bands]]
from = 0
to = 100
text.nb = "Takk."
text.nn = "Takk."

[[questions]]
id = "lokal-1"
kind = "single"
sources = ["fvl-6"]
prompt.nb = "Hva gjør du?"
prompt.nn = "Kva gjer du?"
explanation.nb = "Slik."
explanation.nn = "Slik."

[[questions.options]]
id = "a"
correct = true
text.nb = "Melder fra."
text.nn = "Melder frå."

[[questions.options]]
id = "b"
text.nb = "Tier."
text.nn = "Teier."
"""


def test_a_broken_file_opens_with_each_problem_and_its_line(
    browser: Any, server_url: str, tmp_path: Path
) -> None:
    page = open_editor(browser, server_url, viewport={"width": 1280, "height": 800})
    broken = tmp_path / "lokal.toml"
    broken.write_text(BROKEN, encoding="utf-8")
    page.get_by_label("Velg TOML-fil").set_input_files(str(broken))
    expect(page.get_by_role("heading", level=1, name="Lokale regler")).to_be_visible()
    # The command line's problems with this file, beside the app's content: the editor shows
    # each one, in the same words, with the same line, under a link to its place.
    folder = tmp_path / "check"
    shutil.copytree(SCENARIOS, folder)
    shutil.copy(broken, folder / "lokal.toml")
    done = subprocess.run(
        [sys.executable, "-m", "quiz_engine", "check", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.findall(r"lokal\.toml:(\d+): (\S+): (.+)", done.stderr)
    assert [(line, path) for line, path, _ in found] == [
        ("8", "title.nn"),
        ("36", "questions[1].options[2].feedback"),
    ]
    places = {
        "title.nn": place("Tittel", "Nynorsk"),
        "questions[1].options[2].feedback": place("Spørsmål 1", "Alternativ 2", "Tilbakemelding"),
    }
    problems = page.get_by_role("region", name=re.compile("^Problemer"))
    expect(problems.get_by_role("listitem")).to_have_count(len(found))
    for line, path, message in found:
        link = page.get_by_role("link", name=places[path], exact=True)
        item = problems.get_by_role("listitem").filter(has=link)
        expect(item).to_contain_text(f"linje {line}")
        expect(item).to_contain_text(message)
    # A problem's link leads to its field, with the problem beside it.
    problems.get_by_role("link", name=places["title.nn"], exact=True).click()
    title_nn = page.get_by_role("textbox", name="Tittel: Nynorsk")
    expect(title_nn).to_be_focused()
    expect(problem_beside(page, title_nn)).to_have_text(found[0][2])

    # Not TOML at all, dropped on the page: it opens as text, with the line where it breaks.
    page.get_by_role("link", name="Åpne en quiz").click()
    dropped = page.evaluate_handle(
        "text => { const d = new DataTransfer(); d.items.add(new File([text], 'brudd.toml')); return d; }",
        'id = "brudd"\ntitle.nb = "Uten slutt\n',
    )
    page.dispatch_event("[data-drop]", "drop", {"dataTransfer": dropped})
    text = page.get_by_role("textbox", name="Teksten i brudd.toml")
    expect(text).to_be_visible()
    expect(page.get_by_role("region", name=re.compile("^Problemer"))).to_contain_text("linje 2")
    text.fill('id = "brudd"\ntitle.nb = "Med slutt"\n')
    expect(page.get_by_text("Filen er gyldig TOML.")).to_be_visible()
    assert page.errors == []
    page.context.close()
