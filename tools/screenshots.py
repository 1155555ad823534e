"""Take the screenshots for the README and for checking the design: python tools/screenshots.py

Serves dist/, walks a scenario in headless Chromium at tablet and phone sizes (home, a question,
its feedback, the results), runs the seminar on a projector (1920x1080: a question and its
reveal) and a table's tablet (1024x768), builds the example kommune's edition into a temporary
folder for its home screen, and writes PNGs to docs/screenshots/ (.gitignore keeps the ones the
README shows).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.driver import (  # noqa: E402
    Run,
    answer_on_screen,
    content,
    go_on,
    open_app,
    settled,
)
from tools.find_browser import chromium_args, chromium_executable  # noqa: E402
from tools.serve import start_server  # noqa: E402
from web.build.site import build  # noqa: E402

SIZES = [(768, 1024), (1024, 768), (390, 844)]
OUT = ROOT / "docs" / "screenshots"
FJELLVIK = ROOT / "examples" / "fjellvik" / "kommune.toml"


def quiz_screens(browser: object, url: str) -> None:
    quiz = content().quiz("oslotur")
    assert quiz is not None
    for width, height in SIZES:
        size = f"{width}x{height}"
        page = open_app(browser, url, viewport={"width": width, "height": height})
        page.screenshot(path=OUT / f"home-{size}.png")
        page.goto(f"{url}#/s/{quiz.id}")
        page.get_by_role("button", name="Start", exact=True).click()
        page.get_by_role("heading", level=1).wait_for()
        page.screenshot(path=OUT / f"question-{size}.png")
        run = Run(quiz, "nb")
        answer_on_screen(page, run, "wrong")
        page.screenshot(path=OUT / f"feedback-{size}.png")  # as the verdict lands, at the top
        page.screenshot(path=OUT / f"feedback-full-{size}.png", full_page=True)
        while go_on(page, "nb"):
            answer_on_screen(page, run, "best" if len(run.answers) % 2 else "wrong")
        page.screenshot(path=OUT / f"results-{size}.png")
        page.screenshot(path=OUT / f"results-full-{size}.png", full_page=True)
        page.context.close()


def seminar_screens(browser: object, url: str) -> None:
    page = open_app(browser, url, viewport={"width": 1920, "height": 1080})
    page.goto(f"{url}#/seminar/oslotur")
    settled(page)
    page.keyboard.press("PageDown")
    page.get_by_role("heading", name="Kortene i salen").wait_for()
    settled(page)
    more = page.get_by_role("button", name="Rødt lys: ett kort mer (nå 0)")
    more.click()
    settled(page)
    page.get_by_role("button", name="Gult lys: ett kort mer (nå 0)").click()
    settled(page)
    page.screenshot(path=OUT / "seminar-question-1920x1080.png")
    page.keyboard.press("PageDown")
    page.get_by_role("region", name="Vurderingen").wait_for()
    settled(page)
    page.screenshot(path=OUT / "seminar-reveal-1920x1080.png")
    page.context.close()

    table = open_app(browser, url, viewport={"width": 1024, "height": 768})
    table.goto(f"{url}#/seminar/oslotur/bord")
    settled(table)
    table.get_by_label("Bordnummer").fill("3")
    table.keyboard.press("Enter")
    table.get_by_role("heading", level=1, name="Bord 3").wait_for()
    table.get_by_role("button", name="Rødt lys", exact=True).first.click()
    settled(table)
    table.get_by_role("button", name="Vis QR-koden til kurslederen").click()
    table.locator("canvas.qr[data-drawn]").wait_for()
    table.screenshot(path=OUT / "seminar-table-code-1024x768.png")
    table.context.close()


def kommune_screens(browser: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site, kommune=FJELLVIK)
        server, url = start_server(site)
        page = open_app(browser, url, viewport={"width": 1024, "height": 768})
        page.screenshot(path=OUT / "kommune-home-1024x768.png")
        page.context.close()
        server.shutdown()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    server, url = start_server(ROOT / "dist")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable(), args=chromium_args())
        quiz_screens(browser, url)
        seminar_screens(browser, url)
        kommune_screens(browser)
        browser.close()
    server.shutdown()
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
