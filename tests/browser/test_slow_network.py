"""A first visit on seminar wifi: the story at once, a tap on "Start" that answers at once, real
download progress where the eye is, then the first question without another tap."""

from __future__ import annotations

from typing import Any

from quiz_engine.views.prompt import split_prompt
from tests.browser.conftest import BOOT_TIMEOUT_MS, wait_for_interactive
from tests.browser.driver import content, exact

MBIT = 1_000_000 / 8
QUIZ = content().quiz("jubileumsmiddag")


def test_first_visit_on_a_slow_network(browser: Any, server_url: str, record_property: Any) -> None:
    assert QUIZ is not None
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 150,
            "downloadThroughput": 1.6 * MBIT,
            "uploadThroughput": 0.75 * MBIT,
        },
    )
    page.goto(f"{server_url}#/s/{QUIZ.id}", wait_until="commit")
    page.get_by_role("heading", level=1, name=exact(QUIZ.title.nb)).wait_for()
    first = page.evaluate("performance.getEntriesByName('quiz:first-content')[0].startTime")
    assert first <= 1500, f"first content after {first:.0f} ms"

    # A tap long before Python is there: the button says at once that it is working.
    page.get_by_role("button", name="Start", exact=True).click()
    busy = page.get_by_role("button", name="Starter … et øyeblikk")
    assert busy.is_visible() and busy.get_attribute("aria-disabled") == "true"
    # The progress sits right under it, on screen, not below the footer.
    status = page.get_by_role("status").filter(has_text="Laster ned verktøyet")
    status.wait_for()
    assert page.locator(".actions + #boot-status").count() == 1
    below = status.bounding_box()["y"] - busy.bounding_box()["y"]
    assert 0 < below < 200, below
    assert status.evaluate("e => e.getBoundingClientRect().bottom <= innerHeight")

    total = int(page.locator("#boot-status").get_attribute("data-total"))
    seen = []
    for share in (0.1, 0.4, 0.8):  # progress moves, in bytes of the total
        page.wait_for_function(
            f"Number(document.getElementById('boot-status').dataset.done) > {share * total}",
            timeout=120_000,
        )
        seen.append(status.inner_text())
    assert len(set(seen)) == 3, seen
    assert all(" av " in s and s.endswith("Du kan lese mens du venter.") for s in seen)
    # Downloaded: it says so while Python starts (unless Python was quicker than this look).
    page.wait_for_function(
        "document.getElementById('boot-status').textContent.startsWith('Gjør klar verktøyet')"
        " || document.documentElement.classList.contains('app-ready')",
        timeout=120_000,
    )
    interactive = wait_for_interactive(page, timeout_ms=180_000)
    # The kept tap is done: the first question (its heading is the question part of the
    # prompt, after the situation), with no second tap.
    asked = split_prompt(QUIZ.questions[0].prompt.nb)[1]
    page.get_by_role("heading", level=1, name=exact(asked)).wait_for(timeout=BOOT_TIMEOUT_MS)
    done = int(page.locator("#boot-status").get_attribute("data-done"))
    assert done >= total
    downloaded = float(page.locator("#boot-status").get_attribute("data-done-at"))
    record_property("downloaded_ms", round(downloaded))
    record_property("first_content_ms", round(first))
    record_property("interactive_ms", round(interactive))
    print(
        f"slow network: first content {first:.0f} ms, download done {downloaded / 1000:.1f} s, "
        f"interactive {interactive / 1000:.1f} s, progress {seen}"
    )
    context.close()


def test_when_python_cannot_start_the_message_is_at_the_top_and_start_is_itself_again(
    browser: Any, server_url: str
) -> None:
    assert QUIZ is not None
    context = browser.new_context()
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{server_url}#/s/{QUIZ.id}")
    page.get_by_role("button", name="Start", exact=True).click()
    # The .wasm never arrives: the network's message, at the top.
    alert = page.get_by_role("alert").filter(has_text="Verktøyet ble ikke lastet ned helt")
    alert.wait_for(timeout=60_000)
    heading = page.get_by_role("heading", level=1, name=exact(QUIZ.title.nb))
    assert alert.bounding_box()["y"] < heading.bounding_box()["y"]
    assert page.evaluate("document.getElementById('boot-status').nextElementSibling.id") == "app"
    assert (
        page.get_by_role("button", name="Start", exact=True).get_attribute("aria-disabled") is None
    )
    context.close()
