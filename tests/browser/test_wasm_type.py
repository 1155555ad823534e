"""Servers that do not know `.wasm` (Moodle's file server, many intranets): the app still starts.

Pyodide compiles its module with ``instantiateStreaming``, which refuses any type but
``application/wasm`` and then never resolves; the worker's fetch wrapper gives it the right type.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import Run, answer_on_screen, content, go_on
from tools.serve import start_server


@pytest.fixture(params=["application/octet-stream", "text/plain"])
def odd_server(request: pytest.FixtureRequest, dist_dir: Path) -> Iterator[str]:
    server, url = start_server(dist_dir, types={".wasm": request.param})
    yield url
    server.shutdown()
    server.server_close()


def test_the_app_starts_and_works_when_wasm_has_the_wrong_type(
    browser: Any, odd_server: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    served: list[str] = []
    page.on(
        "response",
        lambda r: (
            served.append(r.headers.get("content-type", "")) if r.url.endswith(".wasm") else None
        ),
    )
    page.goto(f"{odd_server}?snapshot=off#/s/jubileumsmiddag")
    wait_for_interactive(page)
    assert served and not served[0].startswith("application/wasm")  # the server really is odd
    page.get_by_role("button", name="Start", exact=True).first.click()
    quiz = content().quiz("jubileumsmiddag")
    assert quiz is not None
    answer_on_screen(page, Run(quiz, "nb"))
    assert go_on(page, "nb")
    assert page.locator("[data-boot=failed]").count() == 0
    context.close()
