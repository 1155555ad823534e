"""The editor works offline after one visit, on its own service worker; the councillor's page
neither precaches nor requests a byte of it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_interactive
from tests.browser.editor_driver import open_editor, open_shipped, preview, section, started
from tools.serve import start_server


@pytest.fixture
def site(tmp_path: Path, dist_dir: Path) -> Iterator[tuple[str, Any]]:
    """A server of our own over a copy of dist/, which the test stops to cut the network."""
    live = tmp_path / "site"
    shutil.copytree(dist_dir, live)
    server, url = start_server(live)
    yield url, server
    server.shutdown()
    server.server_close()


def test_after_one_visit_the_editor_works_with_the_network_off(browser: Any, site: Any) -> None:
    url, server = site
    page = open_editor(browser, url, viewport={"width": 1280, "height": 800})
    # The editor's worker is active once every file it keeps is in its cache.
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.active && r.scope)")
    assert scope == url + "redaktor/"
    server.shutdown()  # no network at all from here on: every file must come from the device
    server.server_close()
    page.context.set_offline(True)
    page.reload()
    started(page)
    open_shipped(page, "Hets og trusler")
    section(page, "1.").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("^Spørsmål 1 av"))).to_be_visible()
    expect(preview(page).get_by_role("button", name="Svar", exact=True)).to_be_visible()
    assert page.errors == []
    page.context.close()


def test_the_councillors_page_precaches_and_requests_nothing_of_the_editor(
    browser: Any, server_url: str, dist_dir: Path
) -> None:
    assert (dist_dir / "redaktor" / "index.html").is_file()  # there is an editor to leave out
    precache = (dist_dir / "sw.js").read_text(encoding="utf-8")
    assert "index.html" in precache and "redaktor" not in precache
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(server_url)
    wait_for_interactive(page)
    page.get_by_role("link", name="Om verktøyet").first.click()
    page.get_by_role("heading", level=1).wait_for()
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active !== null)")
    assert any(u.endswith("/app.zip") for u in requested)  # the page's worker was recorded too
    assert [u for u in requested if "/redaktor/" in u] == []
    page.context.close()
