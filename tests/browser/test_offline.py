"""Offline after one visit, and updates the councillor chooses to take, with progress kept."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import (
    Run,
    answer_on_screen,
    complete,
    content,
    exact,
    open_app,
    settled,
)
from tools.serve import start_server
from web.build import build
from web.build.site import SEMINAR_ON_DEMAND

ROOT = Path(__file__).resolve().parents[2]
CONTENT = content()


@pytest.fixture
def site(tmp_path: Path, dist_dir: Path) -> Iterator[tuple[Path, str, Any]]:
    """A server of our own (the test stops it to cut the network) over a folder we can swap."""
    live = tmp_path / "site"
    shutil.copytree(dist_dir, live)
    server, url = start_server(live)
    yield live, url, server
    server.shutdown()
    server.server_close()


def wait_for_precache(page: Any) -> None:
    # ready resolves once a worker is active, and Workbox activates only after its precache
    # has every file.
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active !== null)")


def reload_controlled(page: Any) -> None:
    page.reload()
    wait_for_interactive(page)
    assert page.evaluate("navigator.serviceWorker.controller !== null")


def test_the_service_worker_precaches_exactly_what_a_visit_loads(browser: Any, site: Any) -> None:
    _, url, _ = site
    page = open_app(browser, url)
    requested = set()
    # PyScript's worker starts from a blob: URL it makes; the interpreter module is asked for
    # with a query (start.mjs), which the service worker ignores when it looks files up.
    page.context.on(
        "request",
        lambda r: (
            r.url.startswith("blob:")
            or requested.add(r.url.removeprefix(url).split("?")[0] or "index.html")
        ),
    )
    page.reload()
    wait_for_interactive(page)
    quiz = CONTENT.quiz("jubileumsmiddag")
    page.goto(f"{url}#/s/{quiz.id}")
    page.get_by_role("button", name="Start", exact=True).click()
    complete(page, Run(quiz, "nb"))
    page.get_by_role("button", name="Nynorsk").click()
    page.evaluate("navigator.serviceWorker.ready")
    precached = set(
        page.evaluate(
            """async () => {
                const names = await caches.keys();
                const cache = await caches.open(names.find(n => n.includes('precache')));
                return (await cache.keys()).map(r => r.url);
            }"""
        )
    )
    precached = {u.removeprefix(url).split("?")[0] for u in precached}
    requested.discard("sw.js")
    requested.discard("sw-fetch.js")  # imported by sw.js, checked with it
    # Install icons are for the browser's "Add to Home Screen", not fetched by the page itself:
    # the browser fetches and keeps them, so they are not precached (a smaller first visit).
    icons = {p for p in precached if p.startswith("icons/") or p == "manifest.webmanifest"}
    assert not any(p.startswith("icons/") for p in precached), sorted(icons)
    assert requested <= precached, requested - precached
    # The seminar's QR libraries are imported only on its screens (test_seminar_offline.py).
    extra = icons | set(SEMINAR_ON_DEMAND)
    assert precached - extra <= requested | {"index.html"}, (precached - extra) - requested
    page.context.close()


def test_after_one_visit_everything_works_with_the_network_off(browser: Any, site: Any) -> None:
    _, url, server = site
    page = open_app(browser, url)
    wait_for_precache(page)
    server.shutdown()  # no network at all from here on: every file must come from the device
    server.server_close()
    page.context.set_offline(True)
    reload_controlled(page)
    quiz = CONTENT.quiz("dispensasjon")
    page.goto(f"{url}#/s/{quiz.id}")
    page.get_by_role("heading", level=1, name=exact(quiz.title.nb)).wait_for()
    page.get_by_role("button", name="Start", exact=True).click()
    run = Run(quiz, "nb")
    complete(page, run)
    assert page.locator(".score-number").inner_text() == "100 %"
    page.get_by_role("button", name="Nynorsk").click()
    page.get_by_role("link", name="Framside").first.click()
    settled(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Etikk og roller for folkevalde"
    page.goto(f"{url}#/s/oslotur")
    page.get_by_role("button", name="Start", exact=True).click()
    answer_on_screen(page, Run(CONTENT.quiz("oslotur"), "nn"))
    assert page.errors == []
    page.context.close()


def test_a_new_version_is_offered_and_taken_cleanly_keeping_progress(
    browser: Any, site: Any, tmp_path: Path
) -> None:
    live, url, _ = site
    # Version 2: the same app with a changed scenario title (so every screen can tell them apart).
    scenarios = tmp_path / "scenarios-v2"
    shutil.copytree(ROOT / "scenarios", scenarios)
    path = scenarios / "oslotur.toml"
    old_title = CONTENT.quiz("oslotur").title.nb
    new_title = old_title + " (oppdatert)"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            f'title.nb = "{old_title}"', f'title.nb = "{new_title}"'
        ),
        encoding="utf-8",
    )
    build(tmp_path / "v2", scenarios)

    page = open_app(browser, url)
    quiz = CONTENT.quiz("gaver")
    page.goto(f"{url}#/s/{quiz.id}")
    page.get_by_role("button", name="Start", exact=True).click()
    answer_on_screen(page, Run(quiz, "nb"))
    wait_for_precache(page)
    reload_controlled(page)

    shutil.rmtree(live)
    shutil.copytree(tmp_path / "v2", live)  # deploy version 2
    page.goto(url)
    page.reload()  # the browser checks sw.js on navigation and installs v2 in the background
    wait_for_interactive(page)
    assert page.get_by_text(old_title, exact=True).count() == 1  # still all version 1
    page.get_by_text("Ny versjon tilgjengelig.").wait_for(timeout=90_000)
    page.get_by_role("button", name="Oppdater nå").click()
    page.get_by_text(new_title, exact=True).wait_for(timeout=90_000)
    wait_for_interactive(page)
    resume = page.get_by_role("region", name="Fortsett der du slapp")
    assert resume.get_by_text(quiz.title.nb).is_visible()
    assert page.errors == []
    page.context.close()
