""" "Hopp til innholdet" takes a keyboard user to the content and leaves the address alone: on
the prerendered page before Python is ready, and on every screen after it (the hash router
used to read "#main" as an address and show "Vi fant ikke siden")."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import open_app, settled


def skip(page: Any, name: str = "Hopp til innholdet") -> None:
    """On a page just loaded: Tab to the skip link (the first stop), then Enter."""
    page.keyboard.press("Tab")
    link = page.get_by_role("link", name=name, exact=True)
    assert link.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")


def test_the_skip_link_moves_focus_to_the_content_and_not_the_address(
    browser: Any, server_url: str
) -> None:
    page = open_app(browser, server_url)
    for address in ("#/", "#/s/gaver", "#/om"):
        page.goto(server_url + address)
        page.reload()  # a page just opened at this address, as a keyboard user meets it
        wait_for_interactive(page)
        settled(page)
        title = page.get_by_role("heading", level=1).inner_text()
        skip(page)
        page.wait_for_function("document.activeElement?.id === 'main'")
        assert page.evaluate("location.hash") == address
        settled(page)
        assert page.get_by_role("heading", level=1).inner_text() == title
        # The next Tab goes on inside the content, past the header.
        page.keyboard.press("Tab")
        assert page.evaluate("document.getElementById('main').contains(document.activeElement)")
    page.get_by_role("button", name="Nynorsk").click()
    page.wait_for_function("document.documentElement.lang === 'nn'")
    page.reload()
    wait_for_interactive(page)
    skip(page, "Hopp til innhaldet")
    page.wait_for_function("document.activeElement?.id === 'main'")
    assert page.evaluate("location.hash") == "#/om"
    assert page.errors == []
    page.context.close()


def test_the_skip_link_works_before_python_is_ready(browser: Any, server_url: str) -> None:
    page = browser.new_page()
    page.route("**/pyodide/**", lambda route: route.abort())  # Python never arrives
    page.goto(server_url)
    page.get_by_role("heading", level=1).wait_for()
    skip(page)
    page.wait_for_function("document.activeElement?.id === 'main'")
    assert page.evaluate("location.hash") == ""
    page.close()
