"""Repeat starts restore a memory snapshot made on the device; anything wrong falls back."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import wait_for_interactive
from tests.browser.driver import Run, answer_on_screen, content, open_app

SETTLED = "['made','restored','unsaved','unmade','off'].includes(document.documentElement.dataset.snapshot)"


def marks(page: Any) -> list[str]:
    return page.evaluate("performance.getEntriesByType('mark').map(m => m.name)")


def boot_again(page: Any, url: str | None = None) -> None:
    page.goto(url) if url else page.reload()
    wait_for_interactive(page)
    page.wait_for_function(SETTLED)


def stored_key(page: Any) -> str | None:
    return page.evaluate(
        """() => new Promise((resolve, reject) => {
            const open = indexedDB.open('folkevalgt-quiz-snapshot', 1);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
                const req = open.result.transaction('snapshots').objectStore('snapshots').get('current');
                req.onsuccess = () => { resolve(req.result ? req.result.key : null); open.result.close(); };
            };
        })"""
    )


def put_snapshot(page: Any, key_js: str, bytes_js: str) -> None:
    page.evaluate(
        f"""() => new Promise((resolve, reject) => {{
            const open = indexedDB.open('folkevalgt-quiz-snapshot', 1);
            open.onsuccess = () => {{
                const db = open.result;
                const tx = db.transaction('snapshots', 'readwrite');
                const store = tx.objectStore('snapshots');
                const req = store.get('current');
                req.onsuccess = () => store.put({{key: {key_js}, bytes: {bytes_js}}}, 'current');
                tx.oncomplete = () => {{ db.close(); resolve(true); }};
                tx.onerror = () => reject(tx.error);
            }};
        }})"""
    )


def test_a_repeat_start_restores_the_snapshot_and_the_app_works(
    browser: Any, server_url: str
) -> None:
    page = open_app(browser, server_url)
    page.wait_for_function(SETTLED)
    assert "quiz:snapshot-made" in marks(page)
    key = stored_key(page)
    assert key and key.count("/") == 1  # "<pyodide version>/<app version>"
    boot_again(page)
    assert "quiz:snapshot-restored" in marks(page)
    quiz = content().quiz("habilitet")
    page.goto(f"{server_url}#/s/{quiz.id}")
    page.get_by_role("button", name="Start", exact=True).click()
    answer_on_screen(page, Run(quiz, "nb"))
    assert page.errors == []
    page.context.close()


def test_a_damaged_snapshot_falls_back_to_a_normal_start(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url)
    page.wait_for_function(SETTLED)
    put_snapshot(page, "req.result.key", "new Uint8Array(1000)")
    boot_again(page)
    found = marks(page)
    assert "quiz:snapshot-failed" in found and "quiz:snapshot-restored" not in found
    assert "quiz:snapshot-made" in found  # and a good one is made for next time
    boot_again(page)
    assert "quiz:snapshot-restored" in marks(page)
    page.context.close()


def test_a_snapshot_from_another_version_is_not_used(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url)
    page.wait_for_function(SETTLED)
    current = stored_key(page)
    put_snapshot(page, "'0.0.0/old-app'", "req.result.bytes")
    boot_again(page)
    found = marks(page)
    assert "quiz:snapshot-stale" in found and "quiz:snapshot-restored" not in found
    assert stored_key(page) == current
    page.context.close()


def test_the_snapshot_can_be_switched_off(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url + "?snapshot=off")
    page.wait_for_function(SETTLED)
    assert "quiz:snapshot-off" in marks(page)
    databases = page.evaluate("indexedDB.databases().then(d => d.map(x => x.name))")
    assert "folkevalgt-quiz-snapshot" not in databases
    page.context.close()
