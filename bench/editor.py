"""The editor's speed in Chromium: start-up, and from a keystroke to what it changes on screen.

    python bench/editor.py [--rounds 20]

Prints, for the built dist/redaktor/ (make build first):
- start-up to the editor's ``editor:interactive`` mark: first visit (nothing cached) and a
  visit after it (its service worker serves every file);
- a keystroke to the problem shown beside its field: an nynorsk prompt emptied and written
  again, in turns, the time from the input event to the problem appearing or going (medians,
  p95), on the largest shipped quiz (sosiale-medier, 72 KB of TOML);
- a keystroke to the preview's heading showing the new prompt.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tools.find_browser import chromium_args, chromium_executable  # noqa: E402
from tools.serve import start_server  # noqa: E402

# In the page: type into a field, resolve with the milliseconds until ``done`` holds.
TYPE_AND_WAIT = """async ([field, value, slot, frame]) => {
  const box = document.getElementById(field);
  const target = slot ? document.getElementById(slot) : null;
  const doc = frame ? document.querySelector("iframe.preview-frame").contentDocument : null;
  const done = () => slot ? (value === "" ? !target.hidden : target.hidden)
                          : doc.querySelector("#main h1")?.textContent === value;
  const start = performance.now();
  box.value = value;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  while (!done()) await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - start;
}"""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ready(page: object, start: float) -> float:
    page.locator("html.app-ready").wait_for(state="attached", timeout=120_000)  # type: ignore[attr-defined]
    return page.evaluate("performance.getEntriesByName('editor:interactive')[0].startTime")  # type: ignore[attr-defined,no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    server, url = start_server(ROOT / "dist")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable(), args=chromium_args())
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(url + "redaktor/")
        cold = ready(page, time.perf_counter())
        page.evaluate("navigator.serviceWorker.ready")
        page.reload()
        warm = ready(page, time.perf_counter())
        print(
            f"start-up to editor:interactive: first visit {cold:.0f} ms, next visit {warm:.0f} ms"
        )
        steps = page.evaluate(
            "['pyodide', 'zip', 'imported', 'begun', 'interactive'].map(n => "
            "[n, Math.round(performance.getEntriesByName('editor:' + n)[0]?.startTime ?? -1)])"
        )
        print(
            "  next visit, each step from navigation:", ", ".join(f"{n} {t} ms" for n, t in steps)
        )

        page.get_by_role("button", name="Åpne: Sosiale medier", exact=False).first.click()
        page.locator("#f-title-nb").wait_for()
        page.goto(url + "redaktor/#/utkast/sosiale-medier/sporsmal/5")
        page.locator("#f-questions-5-prompt-nn").wait_for()
        page.locator("body:not([data-busy])").wait_for(state="attached")
        original = page.locator("#f-questions-5-prompt-nn").input_value()
        problem: list[float] = []
        for n in range(args.rounds):
            value = "" if n % 2 == 0 else original
            args_ = ["f-questions-5-prompt-nn", value, "problem-questions-5-prompt-nn", False]
            problem.append(page.evaluate(TYPE_AND_WAIT, args_))
        shown: list[float] = []
        for n in range(args.rounds):
            value = f"Ny tekst nummer {n}?"
            shown.append(page.evaluate(TYPE_AND_WAIT, ["f-questions-5-prompt-nb", value, "", True]))
        for name, values in (
            ("keystroke -> problem beside the field", problem),
            ("keystroke -> preview shows the prompt", shown),
        ):
            print(
                f"{name}: median {statistics.median(values):.0f} ms, p95 {p95(values):.0f} ms, "
                f"max {max(values):.0f} ms ({len(values)} edits, sosiale-medier, 72 KB)"
            )
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
