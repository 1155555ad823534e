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
    """The stored snapshot's key: a record of its own beside the bytes."""
    return page.evaluate(
        """() => new Promise((resolve, reject) => {
            const open = indexedDB.open('folkevalgt-quiz-snapshot', 1);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
                const req = open.result.transaction('snapshots').objectStore('snapshots').get('key');
                req.onsuccess = () => { resolve(req.result ?? null); open.result.close(); };
            };
        })"""
    )


def put_record(page: Any, name: str, value_js: str) -> None:
    page.evaluate(
        f"""() => new Promise((resolve, reject) => {{
            const open = indexedDB.open('folkevalgt-quiz-snapshot', 1);
            open.onsuccess = () => {{
                const db = open.result;
                const tx = db.transaction('snapshots', 'readwrite');
                tx.objectStore('snapshots').put({value_js}, '{name}');
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
    found = marks(page)
    assert "quiz:snapshot-restored" in found
    # The content came with the snapshot: app.zip is not unpacked again, nor its JSON read.
    assert "worker:restored" in found and "worker:app unpacked" not in found
    quiz = content().quiz("habilitet")
    page.goto(f"{server_url}#/s/{quiz.id}")
    page.get_by_role("button", name="Start", exact=True).click()
    answer_on_screen(page, Run(quiz, "nb"))
    assert page.errors == []
    page.context.close()


def test_a_first_visit_stores_the_snapshot_only_once_the_page_is_interactive(
    browser: Any, server_url: str
) -> None:
    page = open_app(browser, server_url)
    page.wait_for_function(SETTLED)
    at = {
        name: page.evaluate(f"performance.getEntriesByName('{name}')[0].startTime")
        for name in ("worker:snapshot taken", "quiz:interactive", "worker:snapshot stored")
    }
    assert at["worker:snapshot taken"] < at["quiz:interactive"] < at["worker:snapshot stored"]
    page.context.close()


def test_a_tap_kept_from_before_the_start_is_answered_before_the_snapshot_is_stored(
    browser: Any, server_url: str
) -> None:
    """On a first visit "Start", tapped on the story before the engine is there, is answered
    first; only then does the worker spend its time on storing the snapshot (31 MB)."""
    quiz = content().quiz("lillevik")
    context = browser.new_context()
    context.add_init_script(
        """new MutationObserver((_, observer) => {
            if (!document.querySelector('.answer-form')) return;
            observer.disconnect();
            performance.mark('test:question drawn');
        }).observe(document, {childList: true, subtree: true});"""
    )
    page = context.new_page()
    page.goto(f"{server_url}#/s/{quiz.id}")
    page.get_by_role("button", name="Start", exact=True).click()
    assert page.evaluate("performance.getEntriesByName('quiz:interactive').length") == 0
    page.wait_for_function(SETTLED)
    at = {
        name: page.evaluate(f"performance.getEntriesByName('{name}')[0].startTime")
        for name in ("quiz:interactive", "test:question drawn", "worker:snapshot storing")
    }
    assert at["quiz:interactive"] < at["test:question drawn"] < at["worker:snapshot storing"]
    context.close()


def test_pyscripts_database_is_one_however_often_the_app_is_loaded(
    browser: Any, server_url: str
) -> None:
    """PyScript names the IndexedDB database of its package cache after the interpreter's URL;
    that URL is the same on every load, so five reloads leave one. The databases earlier
    versions left (one per load: their URL carried a fresh channel name) are deleted. (PyScript
    opens one more, of a fixed name, when its core loads: "@pyscript.fs".)"""
    old = [
        f"IDBMap/{server_url}pyodide/snapshot.mjs#channel=folkevalgt-quiz:boot:{n}@314"
        for n in range(3)
    ]
    page = open_app(browser, server_url)
    for name in old:
        page.evaluate(
            f"new Promise(r => {{ indexedDB.open({name!r}).onsuccess = (e) => {{ e.target.result.close(); r(); }}; }})"
        )
    for _ in range(5):
        boot_again(page)
    page.wait_for_function(
        f"indexedDB.databases().then(d => !d.some(x => x.name.startsWith('IDBMap/{server_url}pyodide/snapshot.mjs#')))"
    )
    names = page.evaluate("indexedDB.databases().then(d => d.map(x => x.name))")
    pyscripts = sorted(n for n in names if n.startswith("IDBMap/"))
    assert pyscripts == ["IDBMap/@pyscript.fs", f"IDBMap/{server_url}pyodide@314.0.7"]
    page.context.close()


def test_a_damaged_snapshot_falls_back_to_a_normal_start(browser: Any, server_url: str) -> None:
    page = open_app(browser, server_url)
    page.wait_for_function(SETTLED)
    put_record(page, "bytes", "new Uint8Array(1000)")
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
    put_record(page, "key", "'0.0.0/old-app'")
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
