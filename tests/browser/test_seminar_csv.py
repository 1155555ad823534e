"""The seminar summary's spreadsheet, downloaded as a facilitator would: the link the shell makes
from the engine's text (a Blob), saved by the browser, read back with Python's ``csv``."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from quiz_engine.app.seminar import state as st
from quiz_engine.app.seminar.records import seminar_to_json
from quiz_engine.base.names import SEMINAR_KEY, STORAGE_PREFIX
from tests.browser import driver
from tests.browser.seminar_driver import settled

QUIZ = driver.content().quiz("jubileumsmiddag")


def test_the_summary_downloads_as_a_spreadsheet_excel_reads(
    browser: Any, server_url: str, wait_interactive: Any
) -> None:
    assert QUIZ is not None
    first = QUIZ.questions[0]
    assert first.kind == "traffic_light"
    s = st.Seminar(QUIZ.id)
    for card, n in (("red", 4), ("yellow", 7), ("green", 2)):
        for _ in range(n):
            s = st.count(QUIZ, s, first.id, card, 1)
    record = json.dumps({STORAGE_PREFIX + SEMINAR_KEY + QUIZ.id: seminar_to_json(s)})
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(
        f"if (!sessionStorage.seeded) {{ sessionStorage.seeded = 1;"
        f" for (const [k, v] of Object.entries({record})) localStorage.setItem(k, v); }}"
    )
    page = context.new_page()
    page.goto(f"{server_url}#/seminar/{QUIZ.id}/oppsummering")
    wait_interactive(page)
    settled(page)
    link = page.get_by_role("link", name="Last ned som regneark (CSV)")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.startswith(f"seminar-{QUIZ.id}-")
    data = download.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:2] == ["Nr.", "Spørsmål"] and header[-3:] == [
        "Kort i alt",
        "Vurderingen",
        "Merknad",
    ]
    assert (row["Rødt lys"], row["Gult lys"], row["Grønt lys"]) == ("4", "7", "2")
    assert row["Spørsmål"] == " ".join(first.prompt.nb.split())
    assert len(rows) == 1 + sum(1 for q in QUIZ.questions if q.kind != "reflection")
    context.close()
