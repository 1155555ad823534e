"""The built page boots PyScript + Pyodide from local files only.

Checks only what any version of the app must do (reach quiz:interactive cleanly, fetch
nothing from elsewhere), not what the page shows, so it survives changes to web/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tools.serve import start_server

ROOT = Path(__file__).resolve().parents[2]


def _assert_clean(page: Any) -> None:
    assert page.uncaught_errors == []
    assert page.console_errors == []
    assert page.failed_responses == []


def test_boots_from_local_files(
    page: Any,
    server_url: str,
    wait_interactive: Callable[[Any], float],
    assert_same_origin: Callable[[Any, str], None],
    record_property: Callable[[str, object], None],
) -> None:
    page.goto(server_url)
    boot_ms = wait_interactive(page)
    record_property("boot_ms", round(boot_ms))
    print(f"quiz:interactive after {boot_ms:.0f} ms")
    _assert_clean(page)
    assert_same_origin(page, server_url)
    # The interpreter and our zip really came from dist/ (no CDN fallback that failed quietly).
    for name in ("pyodide/pyodide.asm.wasm", "pyodide/python_stdlib_app.zip", "app.zip"):
        assert f"{server_url}{name}" in page.request_urls
    # The trimmed standard library is the only one there is: every test of the app runs on it.
    assert not any(u.endswith("/python_stdlib.zip") for u in page.request_urls)
    assert not (ROOT / "dist" / "pyodide" / "python_stdlib.zip").exists()
    # The page fetches what Python needs and hands it to the worker: each file once, and no
    # lock file (the app loads no packages; the worker gives Pyodide its header).
    for name in ("pyodide/pyodide.asm.wasm", "pyodide/python_stdlib_app.zip", "app.zip"):
        assert page.request_urls.count(f"{server_url}{name}") == 1, name
    assert not any(u.endswith("pyodide-lock.json") for u in page.request_urls)


def test_a_first_visit_asks_for_python_at_once_and_for_the_content_after(
    page: Any, server_url: str, wait_interactive: Callable[[Any], float]
) -> None:
    """On a slow line the download is most of the wait. A first visit asks for the .wasm and
    the standard library as soon as the page can be read (boot.js's preloads, which
    runtime.mjs takes up: each file still comes once), and for app.zip, wanted only once Python
    runs, after the .wasm is in. A later visit, answered by the service worker, preloads
    nothing: the browser keeps the .wasm's compiled code only for the worker's own answer."""
    page.goto(server_url)
    wait_interactive(page)
    preloaded = "[...document.querySelectorAll('link[rel=preload]')].map(l => l.href)"
    assert page.evaluate(preloaded) == [
        f"{server_url}pyodide/pyodide.asm.wasm",
        f"{server_url}pyodide/python_stdlib_app.zip",
    ]
    for name in ("pyodide/pyodide.asm.wasm", "pyodide/python_stdlib_app.zip", "app.zip"):
        assert page.request_urls.count(f"{server_url}{name}") == 1, name
    timing = page.evaluate(
        """() => Object.fromEntries(performance.getEntriesByType('resource')
            .filter(e => /asm\\.wasm|app\\.zip/.test(e.name))
            .map(e => [e.name.split('/').pop(), [e.startTime, e.responseEnd]]))"""
    )
    assert timing["app.zip"][0] >= timing["pyodide.asm.wasm"][1], timing

    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    wait_interactive(page)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    assert page.evaluate(preloaded) == []


def test_the_worker_is_handed_what_the_page_fetched_and_skips_what_it_never_uses(
    page: Any, server_url: str, wait_interactive: Callable[[Any], float]
) -> None:
    """Guards what the start-up relies on in PyScript 0.7.31 and Pyodide 314.0.7: the worker's
    hello reaches the page (through PyScript's onWorker hook), which hands over the compiled
    .wasm; Pyodide takes our module, lock file and standard library; PyScript's own Python
    start-up is recognised and kept lazy. A PyScript or Pyodide update that changes any of
    these fails here."""
    page.goto(server_url)
    wait_interactive(page)
    found = page.evaluate("performance.getEntriesByType('mark').map(m => m.name)")
    for step in ("module", "page answered", "wasm compiled", "wasm instantiated", "worker.py"):
        assert f"worker:{step}" in found, step
    assert "quiz:runtime-wasm" in found  # compiled on the page, not in the worker
    assert "quiz:pyscript-lazy" in found and "worker:pyscript's start-up" in found


def test_boots_under_a_sub_path(
    page: Any,
    dist_dir: Path,
    tmp_path: Path,
    wait_interactive: Callable[[Any], float],
    assert_same_origin: Callable[[Any, str], None],
) -> None:
    # Intranets host apps at /some/folder/: every URL in dist/ must be relative.
    (tmp_path / "kommune" / "quiz").mkdir(parents=True)
    (tmp_path / "kommune" / "quiz" / "app").symlink_to(dist_dir, target_is_directory=True)
    server, root_url = start_server(tmp_path)
    try:
        url = f"{root_url}kommune/quiz/app/"
        page.goto(url)
        wait_interactive(page)
        _assert_clean(page)
        assert_same_origin(page, url)
        made_here = [u for u in page.request_urls if not u.startswith("blob:")]
        assert all(u.startswith(url) for u in made_here), page.request_urls
    finally:
        server.shutdown()
        server.server_close()
