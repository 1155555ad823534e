"""An LMS launch lets the browser keep the compiled .wasm (Chromium's code cache).

Moodle serves ``.wasm`` as ``application/octet-stream``; the page then compiles from a Response it
builds itself, whose compiled code no browser keeps. The package's own small service worker
(``lms-sw.js``) keeps the .wasm typed ``application/wasm`` in Cache Storage and answers from there,
which Chromium code-caches: its trace says ``v8.wasm.moduleCacheHit`` on a later launch.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import driver
from tests.browser.conftest import BOOT_TIMEOUT_MS, INTERACTIVE_MARK
from tests.browser.lms_player import MOODLE_TYPES, add_scorm_again, player
from tools.serve import start_server
from web.build.scorm import build_packages

QUIZ = driver.content().quiz("lillevik")
# Two uploads of the same package: Moodle gives each revision a folder of its own.
FIRST, SECOND = "pluginfile.php/1/mod_scorm/content/1/", "pluginfile.php/1/mod_scorm/content/2/"
TRACED = ["disabled-by-default-devtools.timeline", "devtools.timeline", "v8.wasm"]
REGISTERED = "document.documentElement.dataset.runtimeCache === 'registered'"
SCRIPT = "navigator.serviceWorker.ready.then(r => r.active.scriptURL)"


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    (package,) = build_packages(tmp_path_factory.mktemp("scorm"), ("lillevik",))
    site = tmp_path_factory.mktemp("lms") / "site"
    for folder in (FIRST, SECOND):
        with zipfile.ZipFile(package) as zf:
            zf.extractall(site / folder)
        (site / f"{folder.split('/')[-2]}.html").write_text(player("lillevik", folder), "utf-8")
    add_scorm_again(site)
    server, url = start_server(site, types=MOODLE_TYPES)
    yield url
    server.shutdown()
    server.server_close()


def launch(context: Any, url: str) -> tuple[Any, Any]:
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.calls.includes('LMSInitialize')", timeout=BOOT_TIMEOUT_MS)
    frame = page.frames[1]
    frame.wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    return page, frame


def traced_launch(browser: Any, context: Any, url: str) -> set[str]:
    """Launch, and return the names of the wasm code-cache events of the browser's trace."""
    page = context.new_page()
    browser.start_tracing(page=page, categories=TRACED)
    page.goto(url)
    page.wait_for_function("window.calls.includes('LMSInitialize')", timeout=BOOT_TIMEOUT_MS)
    page.frames[1].wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    events = json.loads(browser.stop_tracing())["traceEvents"]
    page.close()
    return {e["name"] for e in events if e.get("name", "").startswith("v8.wasm.")}


def test_a_relaunch_in_the_lms_uses_the_compiled_wasm_the_browser_kept(
    browser: Any, lms_url: str
) -> None:
    context = browser.new_context()
    page, frame = launch(context, lms_url + "1.html")
    # The first launch compiles from the LMS's wrongly typed .wasm and, once the councillor can
    # work, registers the package's worker, which keeps the .wasm under its digest, typed right.
    assert frame.evaluate("navigator.serviceWorker.controller") is None
    frame.wait_for_function(REGISTERED, timeout=BOOT_TIMEOUT_MS)
    assert frame.evaluate(SCRIPT).startswith(lms_url + FIRST + "lms-sw.js?wasm=")
    wasm = frame.evaluate(
        "performance.getEntriesByType('resource').find(e => e.name.includes('.wasm')).name"
    )
    assert "?v=" in wasm
    kept = frame.evaluate(
        "(url) => caches.open(new URL('./', location.href).href)"
        ".then(c => c.match(url)).then(r => r && r.headers.get('content-type'))",
        wasm,
    )
    assert kept == "application/wasm"
    page.close()

    # The next launch gets the .wasm from the worker, typed right; the councillor plays a whole
    # quiz (the browser keeps compiled code once enough of it is optimised).
    page, frame = launch(context, lms_url + "1.html")
    assert frame.evaluate("navigator.serviceWorker.controller !== null")
    served = frame.evaluate(
        "performance.getEntriesByType('resource').find(e => e.name.includes('.wasm')).workerStart"
    )
    assert served > 0
    frame.get_by_role("button", name="Start", exact=True).click()
    driver.complete(frame, driver.Run(QUIZ, "nb"))
    page.close()

    # A later launch compiles nothing: Chromium says so in its trace.
    seen: list[set[str]] = []
    for _ in range(4):
        seen.append(traced_launch(browser, context, lms_url + "1.html"))
        if "v8.wasm.moduleCacheHit" in seen[-1]:
            break
    assert "v8.wasm.moduleCacheHit" in seen[-1], seen

    # A new upload (another revision's folder) takes over: the old upload's worker and copy go.
    page, frame = launch(context, lms_url + "2.html")
    frame.wait_for_function(REGISTERED, timeout=BOOT_TIMEOUT_MS)
    left = (
        "navigator.serviceWorker.ready"
        ".then(() => Promise.all([navigator.serviceWorker.getRegistrations(), caches.keys()]))"
    )
    assert frame.evaluate(f"{left}.then(([rs, names]) => [rs[0].scope, names[0]])") == [
        lms_url + SECOND,
        lms_url + SECOND,
    ]
    context.close()
