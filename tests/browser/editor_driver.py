"""Drives the quiz editor (redaktor/) as a writer would, by role and accessible name.

The editor's page allows no 'unsafe-eval' (no PyScript on it), so Playwright's string-evaluated
waits are refused there: these helpers wait with locators and ``expect`` instead.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

BOOT_TIMEOUT_MS = 90_000


def open_editor(browser: Any, url: str, **context_options: Any) -> Any:
    """A fresh context and page on the editor, started; records errors on the page."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.goto(url + "redaktor/")
    started(page)
    return page


def started(page: Any) -> None:
    page.locator("html.app-ready, html[data-boot=failed]").wait_for(
        state="attached", timeout=BOOT_TIMEOUT_MS
    )
    assert page.locator("html[data-boot=failed]").count() == 0, page.errors


def idle(page: Any) -> None:
    """Every message sent has been answered (the shell marks the body busy until then)."""
    expect(page.locator("body[data-busy]")).to_have_count(0)


def open_shipped(page: Any, title: str) -> None:
    page.get_by_role("button", name=f"Åpne: {title}").click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()


def section(page: Any, name: str) -> Any:
    """A link in the list of the quiz's parts (its name starts with ``name``)."""
    parts = page.get_by_role("navigation", name=re.compile("^Del[ea]r av quizen$"))
    return parts.get_by_role("link", name=re.compile("^" + re.escape(name)))


def preview(page: Any) -> Any:
    """The preview frame: the app's own screens."""
    return page.frame_locator("iframe.preview-frame")


def problem_beside(page: Any, field: Any) -> Any:
    """The problem shown beside a form field (what its aria-describedby names)."""
    slot = field.get_attribute("aria-describedby").split()[0]
    return page.locator(f"#{slot}")
