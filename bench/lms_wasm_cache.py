"""An LMS launch with and without the package's .wasm keeper (lms-sw.js), in Chromium.

    python bench/lms_wasm_cache.py [--relaunches 3]

Builds the Lillevik SCORM package, serves it as Moodle does (``pluginfile.php/…/content/1/``,
``.wasm`` as ``application/octet-stream``) in the tests' player page, and launches it in a
persistent Chromium profile (a real one, with its code cache on disk): once cold, once playing the
whole quiz, then ``--relaunches`` more times. Each variant gets a fresh profile:
- ``kept``: the package as built;
- ``not kept``: the same package without ``lms-sw.js`` (every launch as before issue 21's fix).
For each launch it prints where the .wasm came from, when its compile was done and when the quiz
was interactive (ms from the frame's navigation start), and the wasm code-cache events of
Chromium's trace (``moduleCacheHit``: the compiled code was reused; ``cachedModule``: written).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import driver  # noqa: E402
from tests.browser.lms_player import CONTENT_PATH, MOODLE_TYPES, add_scorm_again, player  # noqa: E402
from tools.find_browser import chromium_args, chromium_executable  # noqa: E402
from tools.serve import start_server  # noqa: E402
from web.build.scorm import build_packages  # noqa: E402

TRACED = "disabled-by-default-devtools.timeline,devtools.timeline,v8.wasm"
WASM = "performance.getEntriesByType('resource').find(e => e.name.includes('.wasm'))"


def launch(context: Any, url: str, play: bool) -> dict[str, Any]:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    events: list[dict[str, Any]] = []
    done: list[bool] = []
    cdp.on("Tracing.dataCollected", lambda params: events.extend(params["value"]))
    cdp.on("Tracing.tracingComplete", lambda _: done.append(True))
    cdp.send("Tracing.start", {"categories": TRACED, "transferMode": "ReportEvents"})
    page.goto(url)
    page.wait_for_function("window.calls.includes('LMSInitialize')", timeout=120_000)
    frame = page.frames[1]
    frame.wait_for_function(
        "performance.getEntriesByName('quiz:interactive').length > 0", timeout=120_000
    )
    row = frame.evaluate(
        f"""() => ({{
            wasm: performance.getEntriesByName('quiz:runtime-wasm')[0].startTime,
            interactive: performance.getEntriesByName('quiz:interactive')[0].startTime,
            from: {WASM}.workerStart > 0 ? 'service worker' : 'LMS',
        }})"""
    )
    if play:
        quiz = driver.content().quiz("lillevik")
        frame.get_by_role("button", name="Start", exact=True).click()
        driver.complete(frame, driver.Run(quiz, "nb"))
    # The browser writes compiled code once no new optimised code came for 2 s (V8's
    # --wasm-caching-timeout-ms): the page stays open 4 s so it can, as a councillor's would.
    frame.wait_for_timeout(4000)
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(50)
    names = sorted(
        {e["name"][len("v8.wasm.") :] for e in events if e.get("name", "") in CACHE_EVENTS}
    )
    page.close()
    return {**row, "events": names}


CACHE_EVENTS = ("v8.wasm.moduleCacheHit", "v8.wasm.cachedModule")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--relaunches", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    (package,) = build_packages(work / "scorm", ("lillevik",))
    for variant in ("kept", "not kept"):
        site = work / "site"
        shutil.rmtree(site, ignore_errors=True)
        with zipfile.ZipFile(package) as zf:
            zf.extractall(site / CONTENT_PATH)
        if variant == "not kept":
            (site / CONTENT_PATH / "lms-sw.js").unlink()
        add_scorm_again(site)
        (site / "player.html").write_text(player("lillevik"), encoding="utf-8")
        server, url = start_server(site, types=MOODLE_TYPES)
        profile = tempfile.mkdtemp()
        print(f"{variant}:")
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=chromium_executable(), args=chromium_args()
            )
            for n in range(2 + args.relaunches):
                row = launch(context, url + "player.html", play=n == 1)
                what = "cold" if n == 0 else "plays the quiz" if n == 1 else "relaunch"
                print(
                    f"  launch {n + 1} ({what:<14}) .wasm from {row['from']:<14}"
                    f" compiled at {row['wasm']:6.0f} ms, interactive at {row['interactive']:6.0f} ms"
                    f"  {json.dumps(row['events'])}"
                )
            context.close()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
