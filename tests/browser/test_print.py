"""The printable result, printed to PDF by headless Chromium and read back with poppler."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from quiz_engine import grade
from quiz_engine.kinds import RIGHT
from tests.browser import driver
from web.build.catalogues import read_catalogues

QUIZ = driver.content().quiz("lillevik")
WORDS = {
    "nb": {
        "link": "Utskrift av resultatet",
        "title": "Resultat: ",
        "name": "Navn:",
        "missed": "Dette bommet du på",
        "follow": "Mine oppfølgingspunkter",
        "topics": "Resultat per tema",
        "left": "Punkter du ikke krysset av:",
    },
    "nn": {
        "link": "Utskrift av resultatet",
        "title": "Resultat: ",
        "name": "Namn:",
        "missed": "Dette bomma du på",
        "follow": "Mine oppfølgingspunkt",
        "topics": "Resultat per tema",
        "left": "Punkt du ikkje kryssa av:",
    },
}


def poppler(*args: str) -> str:
    if shutil.which(args[0]) is None:
        reason = f"{args[0]} is missing: run `make browsers` (installs poppler-utils)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_printed_result_on_a4(browser: Any, server_url: str, tmp_path: Path, lang: str) -> None:
    w = WORDS[lang]
    page = driver.open_app(browser, server_url + f"#/s/{QUIZ.id}", lang)
    page.get_by_role("button", name="Start", exact=True).click()
    run = driver.Run(QUIZ, lang)
    driver.complete(page, run, "wrong")
    page.get_by_role("link", name=w["link"]).click()
    title = w["title"] + driver.plain(QUIZ.title.get(lang))
    page.get_by_role("heading", level=1, name=title).wait_for()
    page.get_by_role("button", name="Skriv ut").wait_for()

    # Printing needs nothing from the network.
    page.context.set_offline(True)
    page.evaluate("location.hash = '#/'")
    driver.settled(page)
    page.evaluate(f"location.hash = '#/s/{QUIZ.id}/utskrift'")
    driver.settled(page)
    pdf = tmp_path / f"result-{lang}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    info = poppler("pdfinfo", str(pdf))
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert size.endswith("pts (A4)"), size  # Chromium: 595.92 x 842.88, whole CSS pixels
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    text = flat(poppler("pdftotext", "-layout", str(pdf), "-"))

    today = datetime.date.today()
    assert f"Dato: {today.day}.{today.month}.{today.year}" in text
    assert flat(w["title"] + QUIZ.title.get(lang)) in text
    assert w["name"] in text and w["topics"] in text
    # Score per topic, from the engine's own result.
    outcome = driver.result(QUIZ, run_session(run).state)
    assert f"{round(outcome.percent)} %" in text
    for score in outcome.topics:
        topic = driver.content().topic(score.topic)
        assert topic is not None and flat(topic.title.get(lang)) in text
    # What was missed, with its explanation and sources; nothing that was right.
    missed = [
        QUIZ.question(qid)
        for qid, response, _ in run.answers
        if (q := QUIZ.question(qid)) is not None
        and q.scored
        and q.kind != "reflection"
        and grade(q, response).state != RIGHT
    ]
    assert missed and w["missed"] in text
    for question in missed:
        assert question is not None
        assert flat(question.prompt.get(lang))[:50] in text
        assert flat(question.explanation.get(lang))[:50] in text
        for source_id in question.sources:
            source = driver.content().source(source_id)
            assert source is not None and flat(source.title.get(lang))[:30] in text
    # My follow-ups: what I wrote in the reflection, and the points I did not tick.
    assert w["follow"] in text and w["left"] in text
    assert "Jeg ville sagt fra og bedt om en vurdering." in text
    # Paper has no header, footer, buttons or notices.
    for screen_only in ("Hopp til innhaldet", "Hopp til innholdet", "Skriv ut", "Tilbake til"):
        assert screen_only not in text
    # Every page numbered at its foot ("2/5": pdftotext drops the spaces), and no heading or
    # label the last line of a page, alone without what it introduces.
    t = read_catalogues()[lang]
    labels = {
        flat(t[k]) for k in ("print.score", "results.topics", "print.missed", "print.followups")
    } | {flat(t["print.points_left"])}
    for n in range(1, pages + 1):
        lines = [
            flat(line)
            for line in poppler("pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-")
            .replace("\f", "")
            .splitlines()
            if line.strip()
        ]
        assert re.fullmatch(rf"{n} ?/ ?{pages}", lines[-1]), lines[-3:]
        assert lines[-2] not in labels, f"page {n} ends with the label {lines[-2]!r}"
    # Look at the pages as pictures.
    poppler("pdftoppm", "-png", "-r", "70", str(pdf), f"/tmp/print-{lang}")
    assert pages >= 1 and Path(f"/tmp/print-{lang}-1.png").exists()
    page.context.close()


def run_session(run: driver.Run) -> Any:
    from quiz_engine.run import play as moves

    s = moves.start(run.quiz)
    for question_id, response, confidence in run.answers:
        s = moves.answer(run.quiz, s, question_id, response, confidence)
    return moves.finish(run.quiz, s)
