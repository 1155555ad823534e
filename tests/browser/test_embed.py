"""The app in an intranet page on another origin, sized by embed.js over H5P's resizer protocol."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import driver
from tests.browser.conftest import BOOT_TIMEOUT_MS, INTERACTIVE_MARK
from tools.serve import start_server

GAVER = driver.content().quiz("gaver")
KEYS = {"context", "action", "scrollHeight", "clientHeight"}


@pytest.fixture
def intranet(browser: Any, server_url: str, tmp_path: Path) -> Iterator[tuple[Any, Any]]:
    """An intranet page (localhost, another origin and site than the app's 127.0.0.1) with the
    README's snippet: the iframe at 300 px and embed.js from the app's server."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nn"><title>Intranett</title><h1>Kommunens intranett</h1>'
        '<script>window.got = []; addEventListener("message", e => window.got.push(e.data));'
        "</script>"
        f'<iframe src="{server_url}?embed=1&lang=nn#/s/gaver" title="Gåver, reiser og bevertning"'
        ' style="width:100%; border:0" height="300"></iframe>'
        f'<script src="{server_url}embed.js" async></script><p id="after">Under ramma</p>',
        encoding="utf-8",
    )
    server, host_url = start_server(tmp_path)
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.goto(host_url.replace("127.0.0.1", "localhost"))
    frame = page.frames[1]
    frame.wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    yield page, frame
    context.close()
    server.shutdown()
    server.server_close()


def fits(page: Any, frame: Any) -> None:
    """Wait until the iframe is exactly as tall as the app and the app needs no scrolling."""
    frame.wait_for_function("document.body.dataset.rendered === location.hash")
    want = frame.evaluate("document.body.scrollHeight")
    page.wait_for_function(
        f"document.querySelector('iframe').getBoundingClientRect().height === {want}"
    )
    assert frame.evaluate(
        "document.documentElement.scrollHeight <= document.documentElement.clientHeight"
    )


def iframe_height(page: Any) -> float:
    return float(page.evaluate("document.querySelector('iframe').getBoundingClientRect().height"))


def test_the_frame_is_as_tall_as_the_app_and_follows_it(intranet: tuple[Any, Any]) -> None:
    page, frame = intranet
    # The deep link and ?lang=nn work in the frame; ?embed=1 leaves out header and footer.
    frame.get_by_role("heading", level=1, name=driver.exact(GAVER.title.nn)).wait_for()
    assert frame.evaluate("document.documentElement.lang") == "nn"
    assert frame.get_by_role("banner").count() == 0
    assert frame.get_by_role("contentinfo").count() == 0
    fits(page, frame)
    intro = iframe_height(page)
    assert intro > 300  # grown from the 300 px the page gave it

    # A screen that grows: a question, then its feedback.
    frame.get_by_role("button", name="Start", exact=True).click()
    run = driver.Run(GAVER, "nn")
    driver.answer_on_screen(frame, run)
    fits(page, frame)
    feedback = iframe_height(page)
    # A screen that shrinks: a short one.
    frame.evaluate("location.hash = '#/finst-ikkje'")
    fits(page, frame)
    assert iframe_height(page) < min(intro, feedback)

    # The parent's window gets narrower: the text wraps, the frame follows.
    frame.evaluate(f"location.hash = '#/s/{GAVER.id}'")
    fits(page, frame)
    wide = iframe_height(page)
    page.set_viewport_size({"width": 420, "height": 700})
    page.wait_for_function(
        f"document.querySelector('iframe').getBoundingClientRect().height > {wide}"
    )
    fits(page, frame)

    # What the app said: only the protocol and heights, never an answer.
    messages = page.evaluate("window.got")
    actions = {m["action"] for m in messages if isinstance(m, dict)}
    assert {"hello", "prepareResize", "resize"} <= actions
    assert all(isinstance(m, dict) and set(m) <= KEYS for m in messages), messages
    assert all(m["context"] == "h5p" for m in messages)
    assert page.errors == []


def test_embed_js_listens_only_to_the_app(intranet: tuple[Any, Any]) -> None:
    page, frame = intranet
    fits(page, frame)
    # A frame of another origin (here the intranet's own) speaking the same protocol: H5P's
    # resizer would obey it; embed.js does not.
    page.evaluate(
        r"""() => new Promise((done) => {
          const other = document.createElement("iframe");
          other.id = "other";
          other.srcdoc = `<script>
            parent.postMessage({context: "h5p", action: "hello"}, "*");
            parent.postMessage({context: "h5p", action: "prepareResize", scrollHeight: 900,
                                clientHeight: 900}, "*");
            parent.postMessage({context: "h5p", action: "resize", scrollHeight: 900}, "*");
            parent.postMessage({context: "h5p", action: "done"}, "*");
          <\/script>`;
          addEventListener("message", (e) => e.data?.action === "done" && done());
          document.body.append(other);
        })"""
    )
    assert page.evaluate("document.getElementById('other').style.height") == ""
    # The intranet window posing as the app's frame is not its frame either.
    before = iframe_height(page)
    page.evaluate("window.postMessage({context: 'h5p', action: 'resize', scrollHeight: 5}, '*')")
    frame.evaluate("location.hash = '#/om'")
    fits(page, frame)
    assert iframe_height(page) > before
    page.screenshot(path="/tmp/embed-about.png", full_page=True)
