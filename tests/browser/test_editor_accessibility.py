"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any screen of the editor, the preview
frame included, in bokmål and nynorsk; each screen is also written as a picture at 1280x800 and
768x1024 (``/tmp/editor-shots/``) to be looked at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.editor_driver import idle, open_editor, section

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SHOTS = Path("/tmp/editor-shots")


def violations(page: Any) -> list[str]:
    for frame in page.frames:  # the preview frame too: axe reads each frame from inside it
        if not frame.evaluate("typeof axe !== 'undefined'"):
            frame.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)",
        TAGS,
    )
    return list(found)


@pytest.mark.parametrize(("lang", "size"), [("nb", (1280, 800)), ("nn", (768, 1024))])
def test_every_screen_of_the_editor_is_axe_clean(
    browser: Any, server_url: str, lang: str, size: tuple[int, int]
) -> None:
    width, height = size
    # axe is injected as a script, which the editor's own CSP would (rightly) refuse.
    page = open_editor(
        browser, server_url, viewport={"width": width, "height": height}, bypass_csp=True
    )
    SHOTS.mkdir(exist_ok=True)
    seen: dict[str, list[str]] = {}

    def check(screen: str) -> None:
        idle(page)
        page.screenshot(path=str(SHOTS / f"{screen}-{lang}-{width}x{height}.png"))
        seen[screen] = violations(page)

    if lang == "nn":
        page.get_by_role("button", name="Nynorsk").click()
        expect(page.locator("html[lang=nn]")).to_have_count(1)
    check("start")
    opened = {"nb": "Åpne", "nn": "Opne"}[lang]
    page.get_by_role(
        "button",
        name=f"{opened}: Rødt eller grønt lys? Del 3: Søknaden om dispensasjon"
        if lang == "nb"
        else re.compile(f"^{opened}: Raudt eller grønt lys\\? Del 3"),
    ).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check("quiz")
    for n in (1, 2, 3):
        section(page, f"{n}.").click()
        expect(
            page.get_by_role("heading", level=2, name=re.compile(f"^Spørsmål {n} av"))
        ).to_be_visible()
        check(f"question-{n}")
    page.get_by_role(
        "button", name={"nb": "Fjern spørsmålet", "nn": "Fjern spørsmålet"}[lang]
    ).click()
    check("confirm")
    page.get_by_role("button", name="Avbryt").click()
    prompt = page.get_by_role("textbox", name=re.compile("^Spørsmålet: Nynorsk"))
    prompt.fill("")
    check("problem")
    page.get_by_role("link", name={"nb": "Filen som tekst", "nn": "Fila som tekst"}[lang]).click()
    check("text")
    page.get_by_role("link", name="Lagre", exact=True).click()
    check("save")
    # The kommune's edition: its form, a refused colour beside its field, its files.
    edition = {"nb": "Kommunens utgave", "nn": "Utgåva til kommunen"}[lang]
    page.get_by_role("navigation").get_by_role("link", name=edition, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=edition)).to_be_visible()
    check("edition")
    name = {"nb": "Kommunens navn (påkrevd)", "nn": "Namnet til kommunen (må vere med)"}[lang]
    page.get_by_role("textbox", name=name, exact=True).fill("Fjellvik kommune")
    page.get_by_role("textbox", name=re.compile(r"\(#rrggbb\)$")).fill("#4a8fa3")
    expect(page.locator("#problem-theme-primary")).to_be_visible()
    check("edition-problem")
    page.get_by_role("link", name="Last ned", exact=True).click()
    check("edition-files")
    assert {k: v for k, v in seen.items() if v} == {}
    assert page.errors == []
    page.context.close()
