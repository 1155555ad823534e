"""Take the screenshots for the README and for checking the design: python tools/screenshots.py

Serves dist/, walks a scenario in headless Chromium at tablet and phone sizes, and writes PNGs to
docs/screenshots/ (the README shows question-768x1024.png and results-768x1024.png).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.driver import Run, answer_on_screen, content, go_on, open_app  # noqa: E402
from tools.find_browser import chromium_args, chromium_executable  # noqa: E402
from tools.serve import start_server  # noqa: E402

SIZES = [(768, 1024), (1024, 768), (390, 844)]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    quiz = content().quiz("oslotur")
    assert quiz is not None
    server, url = start_server(ROOT / "dist")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable(), args=chromium_args())
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
            page.screenshot(path=OUT / f"feedback-{size}.png", full_page=True)
            while go_on(page, "nb"):
                answer_on_screen(page, run, "best" if len(run.answers) % 2 else "wrong")
            page.screenshot(path=OUT / f"results-{size}.png")
            page.screenshot(path=OUT / f"results-full-{size}.png", full_page=True)
            page.context.close()
        browser.close()
    server.shutdown()
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
