"""Faults the app survives: no storage, damaged progress, two tabs, Python that cannot start,
and an embedding parent page that sends it anything."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from quiz_engine.run.duration import minutes
from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import Run, answer_on_screen, content, go_on, open_app, settled
from tools.serve import start_server

CONTENT = content()
GAVER = CONTENT.quiz("gaver")
KEY = "folkevalgt-quiz:v1:session:gaver"


def card_status(page: Any, quiz_id: str) -> str:
    quiz = CONTENT.quiz(quiz_id)
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=quiz.title.nb, exact=True)
    )
    return card.locator(".card-status").inner_text()


def test_without_storage_the_app_works_in_memory_and_says_so_once(
    browser: Any, server_url: str
) -> None:
    context = browser.new_context()
    # Storage denied (a private mode, a blocked frame): every write fails. A full disk has its
    # own notice, which says what is kept (test_trust.py).
    context.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('denied', 'SecurityError') }"
    )
    page = context.new_page()
    page.goto(server_url)
    wait_for_interactive(page)
    notice = page.get_by_text("Nettleseren lar oss ikke lagre noe på denne enheten.")
    assert notice.count() == 1
    page.goto(f"{server_url}#/s/gaver")
    page.get_by_role("button", name="Start", exact=True).click()
    run = Run(GAVER, "nb")
    answer_on_screen(page, run)
    go_on(page, "nb")
    answer_on_screen(page, run)
    assert notice.count() == 1  # said once, not after every answer
    context.close()


@pytest.mark.parametrize(
    "saved",
    [
        '{"format": "folkevalgt-quiz/session", "version": 1, "quiz": "gaver"',  # cut off
        json.dumps(
            {"format": "folkevalgt-quiz/session", "version": 99, "quiz": "gaver"}
        ),  # unknown
        json.dumps(  # from content that has since changed: the question is gone
            {
                "format": "folkevalgt-quiz/session",
                "version": 1,
                "quiz": "gaver",
                "behaviour": "immediate",
                "seed": 1,
                "history": [
                    {
                        "action": "answer",
                        "question": "gaver-fjernet",
                        "response": {"choices": ["a"], "text": "", "ticked": []},
                    }
                ],
                "drafts": {},
            }
        ),
    ],
    ids=["damaged", "unknown-version", "content-changed"],
)
def test_unusable_progress_is_set_aside_and_the_councillor_is_told(
    browser: Any, server_url: str, saved: str
) -> None:
    context = browser.new_context()
    context.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem({json.dumps(KEY)}, {json.dumps(saved)}); sessionStorage.setItem('seeded', '1') }}"
    )
    page = context.new_page()
    page.goto(server_url)
    wait_for_interactive(page)
    assert page.get_by_text(
        f"Vi kunne ikke lese de lagrede svarene dine for «{GAVER.title.nb}»"
    ).is_visible()
    started_clean = f"{len(GAVER.questions)} spørsmål · ca. {minutes(GAVER, 'nb')} min"
    assert card_status(page, "gaver") == started_clean  # starts cleanly
    kept = page.evaluate(
        "Object.keys(localStorage).filter(k => k.includes(':aside:gaver:')).map(k => localStorage.getItem(k))"
    )
    assert kept == [saved]  # the old record is kept, not deleted
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
    page.get_by_role("button", name="Lukk meldingen").click()
    expect(page.get_by_text("Vi kunne ikke lese")).to_have_count(0)  # the engine answers async
    context.close()


def test_two_tabs_never_write_over_each_other(browser: Any, server_url: str) -> None:
    first = open_app(browser, server_url)
    second = first.context.new_page()
    second.goto(server_url)
    wait_for_interactive(second)
    first.goto(f"{server_url}#/s/gaver")
    first.get_by_role("button", name="Start", exact=True).click()
    run = Run(GAVER, "nb")
    answer_on_screen(first, run)
    # The other tab sees the answer without a reload...
    second.wait_for_function("document.querySelector('.resume') !== null")
    assert re.fullmatch(r"1 av \d+ svart", card_status(second, "gaver"))
    # ...and continues from it, so its save keeps the first tab's answer.
    second.get_by_role("link", name="Fortsett").first.click()
    settled(second)
    go_on(second, "nb")
    answer_on_screen(second, run)
    first.reload()
    wait_for_interactive(first)
    first.goto(f"{server_url}#/")
    settled(first)
    assert re.fullmatch(r"2 av \d+ svart", card_status(first, "gaver"))
    first.context.close()


def test_without_webassembly_a_clear_message_and_the_page_stays_readable(
    browser: Any, server_url: str
) -> None:
    context = browser.new_context()
    context.add_init_script("delete window.WebAssembly")
    page = context.new_page()
    page.goto(server_url)
    alert = page.get_by_role("alert").filter(
        has_text="Verktøyet kunne ikke starte i denne nettleseren"
    )
    alert.wait_for()
    assert "nyere versjon av Safari, Chrome, Edge eller Firefox" in alert.inner_text()
    assert page.get_by_role("heading", level=1, name="Etikk og roller for folkevalgte").is_visible()
    assert page.get_by_role("link", name=re.compile("^Start: ")).count() == len(CONTENT.quizzes)
    context.close()


def test_when_python_cannot_be_downloaded_a_clear_message(browser: Any, server_url: str) -> None:
    context = browser.new_context()
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(server_url)
    # A download cut off is the network's fault: the message says so (not "update your browser").
    page.get_by_role("alert").filter(has_text="Verktøyet ble ikke lastet ned helt").wait_for(
        timeout=60_000
    )
    assert page.get_by_role("heading", level=1, name="Etikk og roller for folkevalgte").is_visible()
    context.close()


BROKEN_WORKER = 'raise RuntimeError("a fault in the engine worker, on purpose")\n'


@pytest.mark.parametrize("fault", ["worker-exception", "wasm-cannot-start"])
def test_a_failure_after_the_downloads_shows_the_message_within_seconds(
    browser: Any, dist_dir: Path, tmp_path: Path, fault: str
) -> None:
    """Downloads done, then Python fails: an exception in the worker's code, or a module that
    downloads but cannot be instantiated. The councillor is told, never left with progress."""
    site = tmp_path / "site"
    shutil.copytree(dist_dir, site)
    if fault == "worker-exception":
        worker = site / "worker.py"
        worker.write_text(BROKEN_WORKER + worker.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        wasm = site / "pyodide" / "pyodide.asm.wasm"
        wasm.write_bytes(wasm.read_bytes()[: 1 << 20])  # a module cut short: it cannot compile
    server, url = start_server(site)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}?snapshot=off")
    page.get_by_role("alert").filter(has_text="Verktøyet kunne ikke starte").wait_for(
        timeout=30_000
    )
    assert page.evaluate("performance.getEntriesByName('quiz:interactive').length") == 0
    assert page.get_by_role("heading", level=1, name="Etikk og roller for folkevalgte").is_visible()
    context.close()
    server.shutdown()
    server.server_close()


def test_embedding_messages_carry_no_user_data_and_bad_ones_are_ignored(embedded: Any) -> None:
    page = embedded
    frame = page.frame_locator("iframe")
    frame.get_by_role("link", name=f"Start: {GAVER.title.nb}").click()
    frame.get_by_role("button", name="Start", exact=True).click()
    frame.get_by_role("button", name="Svar", exact=True).wait_for()
    for bad in [
        '"hei"',
        "null",
        "{context: 'h5p', action: 'hello', html: '<img src=x onerror=alert(1)>'}",
        "{context: 'h5p', action: 'set-answer', answer: 'a'}",
        "{context: 'h5p', action: 'resizePrepared', scrollHeight: 'x'}",
        "[1, 2, 3]",
    ]:
        page.evaluate(f"document.querySelector('iframe').contentWindow.postMessage({bad}, '*')")
    # The parent says hello (H5P's resizer protocol): the app sends its heights.
    page.evaluate(
        "document.querySelector('iframe').contentWindow.postMessage("
        "{context: 'h5p', action: 'hello'}, '*')"
    )
    page.wait_for_function("window.got.some(m => m && m.action === 'prepareResize')")
    messages = page.evaluate("window.got")
    keys = {"context", "action", "scrollHeight", "clientHeight"}
    assert messages and all(set(m) <= keys and m["context"] == "h5p" for m in messages), messages
    assert {m["action"] for m in messages} <= {"hello", "prepareResize", "resize"}
    heights = [m[k] for m in messages for k in ("scrollHeight", "clientHeight") if k in m]
    assert heights and all(isinstance(h, int) and h > 0 for h in heights)
    assert frame.get_by_role("button", name="Svar", exact=True).is_visible()  # still fine
