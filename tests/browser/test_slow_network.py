"""A first visit on seminar wifi: content at once, real download progress, then the app."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import wait_for_interactive

MBIT = 1_000_000 / 8


def test_first_visit_on_a_slow_network(browser: Any, server_url: str, record_property: Any) -> None:
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
    page.goto(server_url, wait_until="commit")
    page.wait_for_function("performance.getEntriesByName('quiz:first-content').length > 0")
    first = page.evaluate("performance.getEntriesByName('quiz:first-content')[0].startTime")
    assert first <= 1500, f"first content after {first:.0f} ms"
    assert page.get_by_role("heading", level=1, name="Etikk og roller for folkevalgte").is_visible()

    status = page.get_by_role("status").filter(has_text="Laster ned verktøyet")
    status.wait_for()
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
    interactive = wait_for_interactive(page, timeout_ms=180_000)
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
    assert page.get_by_role("button", name="Nynorsk").is_enabled()
    context.close()
