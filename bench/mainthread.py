"""How free the main thread stays while the app starts, with the CPU slowed like a tablet.

    python bench/mainthread.py [--rounds 3] [--rate 4]      (after `make build`)

Chrome's own CPU throttling (``Emulation.setCPUThrottlingRate``) stands in for a tablet. For a
cold start (new profile) and a warm one (reload: service worker and start-up snapshot) it
prints the longest main-thread task and the total blocking time (the part of every task over
50 ms, as Lighthouse counts it) from navigation to ``quiz:interactive``, read from the
browser's Long Tasks API. ``--rate 1`` measures the unthrottled machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tools.find_browser import chromium_args, chromium_executable  # noqa: E402
from tools.serve import start_server  # noqa: E402

# Installed before any script of the page runs; the buffered flag catches tasks before it, too.
WATCH = """
window.__tasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""
READ = """() => {
  const ready = performance.getEntriesByName('quiz:interactive')[0].startTime;
  const tasks = window.__tasks.filter(([start]) => start < ready);
  const longest = Math.max(0, ...tasks.map(([, d]) => d));
  const blocking = tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
  return [ready, longest, blocking];
}"""


def boot(page: Any, url: str | None) -> tuple[float, float, float]:
    page.goto(url) if url else page.reload()
    page.wait_for_function(
        "performance.getEntriesByName('quiz:interactive').length > 0", timeout=180_000
    )
    ready, longest, blocking = page.evaluate(READ)
    return float(ready), float(longest), float(blocking)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rate", type=float, default=4.0, help="CPU slow-down (1 = none)")
    args = parser.parse_args()
    dist = ROOT / "dist"
    if not (dist / "index.html").is_file():
        print("dist/ is missing: run `make build` first", file=sys.stderr)
        return 1
    server, url = start_server(dist)
    rows: dict[str, list[tuple[float, float, float]]] = {"cold": [], "warm": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable(), args=chromium_args())
        for _ in range(args.rounds):
            context = browser.new_context()
            context.add_init_script(WATCH)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.rate})
            rows["cold"].append(boot(page, url))
            page.wait_for_function(
                "['made','unsaved','unmade'].includes(document.documentElement.dataset.snapshot)",
                timeout=180_000,
            )
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            rows["warm"].append(boot(page, None))
            context.close()
        browser.close()
    server.shutdown()
    print(f"Chromium headless, CPU slowed {args.rate:g}x, {args.rounds} rounds; ms")
    for name, values in rows.items():
        ready = [v[0] for v in values]
        longest = [v[1] for v in values]
        blocking = [v[2] for v in values]
        print(
            f"  {name}: interactive median {statistics.median(ready):6.0f}"
            f"   longest task median {statistics.median(longest):5.0f} (max {max(longest):.0f})"
            f"   blocking median {statistics.median(blocking):5.0f} (max {max(blocking):.0f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
