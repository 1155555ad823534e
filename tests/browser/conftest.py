"""Fixtures for browser tests: a built dist/, a local server, one Chromium per session.

Fixtures
    dist_dir            (session) Path of dist/, built once with `python -m web.build` if missing
    server_url          (session) "http://127.0.0.1:PORT/" serving dist_dir
    browser             (session) a Playwright Browser (Chromium)
    page                (function) a Page in a fresh context; records on itself:
                            page.console_errors    list[str]  console.error messages
                            page.uncaught_errors   list[str]  uncaught exceptions (pageerror)
                            page.request_urls      list[str]  every URL requested
                            page.failed_responses  list[str]  "STATUS URL" of 4xx/5xx answers
                        (not page_errors/requests: those names are Playwright methods)
    wait_interactive    (function) callable(page) -> float: waits for the quiz:interactive mark
    assert_same_origin  (function) callable(page, url): every request went to url's origin

Every test under tests/browser gets the `browser` marker (deselect with -m "not browser").
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Response

from tools.find_browser import chromium_args, chromium_executable
from tools.serve import start_server

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
INTERACTIVE_MARK = "quiz:interactive"
BOOT_TIMEOUT_MS = 60_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def dist_dir() -> Path:
    dist = ROOT / "dist"
    if not (dist / "index.html").is_file():
        done = subprocess.run(
            [sys.executable, "-m", "web.build"], cwd=ROOT, capture_output=True, text=True
        )
        if done.returncode != 0:
            pytest.fail(f"`python -m web.build` failed:\n{done.stdout}{done.stderr}")
    return dist


@pytest.fixture(scope="session")
def server_url(dist_dir: Path) -> Iterator[str]:
    server, url = start_server(dist_dir)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as exc:
        _no_browser(f"playwright is not installed ({exc}); run `make setup`")
    pw = sync_playwright().start()
    try:
        try:
            chromium = pw.chromium.launch(
                executable_path=chromium_executable(), args=chromium_args()
            )
        except Error as exc:
            _no_browser(f"no Chromium could be launched; run `make browsers`\n{exc}")
        yield chromium
        chromium.close()
    finally:
        pw.stop()


def _no_browser(reason: str) -> NoReturn:
    # Locally a missing browser is a skip; in CI it must never pass silently.
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    pg = context.new_page()
    console_errors: list[str] = []
    uncaught_errors: list[str] = []
    request_urls: list[str] = []
    failed_responses: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            console_errors.append(msg.text)

    def on_response(res: Response) -> None:
        if res.status >= 400:
            failed_responses.append(f"{res.status} {res.url}")

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: uncaught_errors.append(str(exc)))
    pg.on("request", lambda req: request_urls.append(req.url))
    pg.on("response", on_response)
    # Plain attributes on the Page, so a test reads page.console_errors directly.
    pg.console_errors = console_errors  # type: ignore[attr-defined]
    pg.uncaught_errors = uncaught_errors  # type: ignore[attr-defined]
    pg.request_urls = request_urls  # type: ignore[attr-defined]
    pg.failed_responses = failed_responses  # type: ignore[attr-defined]
    yield pg
    context.close()


def wait_for_interactive(page: Page, timeout_ms: int = BOOT_TIMEOUT_MS) -> float:
    """Wait (no sleeping) for the app's quiz:interactive mark; return its time in ms since
    navigation start. Fails at once, with PyScript's message, if a py-error box appears."""
    page.wait_for_function(
        f"""() => performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0
                  || document.querySelector(".py-error") !== null""",
        timeout=timeout_ms,
    )
    marks: list[float] = page.evaluate(
        f"() => performance.getEntriesByName({INTERACTIVE_MARK!r}).map(m => m.startTime)"
    )
    if not marks:
        shown = page.locator(".py-error").first.text_content()
        pytest.fail(f"PyScript failed before {INTERACTIVE_MARK}:\n{shown}")
    return marks[0]


def check_same_origin(page: Page, url: str) -> None:
    """Fail listing every request (recorded by the `page` fixture) not to url's origin."""
    origin = urlsplit(url)[:2]
    foreign = [
        u
        for u in page.request_urls  # type: ignore[attr-defined]
        if urlsplit(u)[:2] != origin and not u.startswith(("data:", "blob:"))
    ]
    assert not foreign, f"requests left {url}: {foreign}"


@pytest.fixture
def wait_interactive() -> Callable[[Page], float]:
    return wait_for_interactive


@pytest.fixture
def assert_same_origin() -> Callable[[Page, str], None]:
    return check_same_origin


@pytest.fixture
def embedded(browser: Browser, server_url: str, tmp_path: Path) -> Iterator[Page]:
    """A page of another site that embeds the app in an iframe and records its messages.

    localhost and 127.0.0.1 are different sites, so the app is a third-party frame (where this
    Chromium denies it storage). The host page keeps every message it gets in ``window.got``.
    """
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nb"><title>Intranett</title><h1>Kommunens intranett</h1>'
        '<script>window.got = []; addEventListener("message", e => window.got.push(e.data));</script>'
        f'<iframe title="Etikk for folkevalgte" src="{server_url}" width="900" height="800"></iframe>',
        encoding="utf-8",
    )
    server, host_url = start_server(tmp_path)
    page = browser.new_page()
    page.goto(host_url.replace("127.0.0.1", "localhost"))
    page.frames[1].wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    yield page
    page.close()
    server.shutdown()
    server.server_close()
