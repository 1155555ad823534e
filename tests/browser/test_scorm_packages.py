"""One SCORM package per quiz, and each answer reported as a ``cmi.interactions`` row, run as
Moodle runs a package: scorm-again 3.4.3's SCORM 1.2 run-time in the player page, the unpacked
package framed from ``pluginfile.php/…/mod_scorm/content/…`` with Moodle's types.

The packages are built once for this module: ``lillevik`` (single, multiple, branching and
reflection questions) and ``jubileumsmiddag`` (traffic lights too), so every kind is played."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from quiz_engine import Quiz, grade
from quiz_engine.app.lms.interactions import letters
from tests.browser import driver
from tests.browser.conftest import BOOT_TIMEOUT_MS, INTERACTIVE_MARK
from tests.browser.lms_player import MOODLE_TYPES, add_scorm_again, player
from tools.serve import start_server
from web.build.scorm import ADLCP, CP, LEFT_OUT, build_packages

QUIZZES = ("lillevik", "jubileumsmiddag")
TIMESPAN = re.compile(r"^\d{4}:\d\d:\d\d\.\d\d$")


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    built = build_packages(tmp_path_factory.mktemp("scorm-packages"), QUIZZES)
    return {path.stem: path for path in built}


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory: pytest.TempPathFactory, packages: dict[str, Path]) -> Iterator[str]:
    site = tmp_path_factory.mktemp("lms-packages") / "site"
    add_scorm_again(site)
    for n, quiz_id in enumerate(QUIZZES, start=1):  # each package its own upload, as in Moodle
        content = f"pluginfile.php/{n}/mod_scorm/content/1/"
        with zipfile.ZipFile(packages[quiz_id]) as zf:
            zf.extractall(site / content)
        (site / f"{quiz_id}.html").write_text(player(quiz_id, content), encoding="utf-8")
    server, url = start_server(site, types=MOODLE_TYPES)
    yield url
    server.shutdown()
    server.server_close()


def test_make_scorm_builds_one_package_per_quiz_with_its_own_manifest(
    packages: dict[str, Path],
) -> None:
    assert sorted(packages) == sorted(QUIZZES)
    ns = {"cp": CP, "adlcp": ADLCP}
    for quiz_id, package in packages.items():
        quiz = driver.content().quiz(quiz_id)
        assert quiz is not None and package.name == f"{quiz_id}.zip"
        with zipfile.ZipFile(package) as zf:
            names = set(zf.namelist())
            root = ET.fromstring(zf.read("imsmanifest.xml"))
            with zipfile.ZipFile(io.BytesIO(zf.read("app.zip"))) as app:
                bundle = json.loads(app.read("bundle.json"))
        # One quiz: one SCO, titled as the quiz, its pass mark as the mastery score.
        (org,) = root.findall("cp:organizations/cp:organization", ns)
        assert org.findtext("cp:title", namespaces=ns) == quiz.title.nb
        (item,) = org.findall("cp:item", ns)
        assert item.findtext("cp:title", namespaces=ns) == quiz.title.nb
        assert item.get("parameters") == f"?sco={quiz_id}"
        assert item.findtext("adlcp:masteryscore", namespaces=ns) == str(quiz.pass_mark)
        scos = root.findall("cp:resources/cp:resource[@adlcp:scormtype='sco']", ns)
        assert [s.get("identifier") for s in scos] == [item.get("identifierref")]
        assert [q["id"] for q in bundle["quizzes"]] == [quiz_id]
        # Only what an LMS launch loads: no service worker, seminar libraries or PyScript's
        # editor and terminal; every file of the zip is in the manifest.
        assert not names & set(LEFT_OUT) and not any(n.endswith(".mjs") for n in names)
        assert not any(re.match(r"pyscript/(codemirror|xterm|toml|zip)", n) for n in names)
        files = {f.get("href") for f in root.iterfind("cp:resources/cp:resource/cp:file", ns)}
        assert files == names - {"imsmanifest.xml"}
        size = package.stat().st_size
        print(f"{package.name}: {size / 1e6:.2f} MB")
        # 5.4 MB with every quiz before a package held only one; the standard library's start-up
        # compiled ahead (tools/stdlib_pyc.mjs) adds 0.37 MB for a Python that starts 2.5x faster.
        assert size < 5_100_000


def launch(browser: Any, url: str, quiz_id: str, kept: dict[str, str] | None = None) -> Any:
    context = browser.new_context()
    if kept is not None:
        context.add_init_script(f"window.kept = {json.dumps(kept)};")
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    page.on(
        "console",
        lambda msg: msg.type in ("error", "warning") and page.problems.append(msg.text),
    )
    page.goto(f"{url}{quiz_id}.html")
    page.wait_for_function("window.calls.includes('LMSInitialize')", timeout=BOOT_TIMEOUT_MS)
    page.frames[1].wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    return page


def rows_in_the_lms(page: Any) -> list[dict[str, Any]]:
    """What scorm-again itself holds (interactions are write-only; its JSON export reads them)."""
    by_index = page.evaluate("JSON.parse(JSON.stringify(window.API.cmi.interactions))")
    return [by_index[str(n)] for n in range(len(by_index))]


def expected_row(quiz: Quiz, question_id: str, response: Any) -> tuple[str, str]:
    question = quiz.question(question_id)
    assert question is not None
    if question.kind == "reflection":
        picked = letters(tuple(p.id for p in question.key_points), response.ticked)
        return picked, "neutral" if not question.scored else "correct"
    state = grade(question, response).state
    result = {"right": "correct", "wrong": "wrong"}.get(state, "")
    return letters(tuple(o.id for o in question.options), response.choices), result


@pytest.mark.parametrize("quiz_id", QUIZZES)
def test_each_answer_reaches_the_lms_as_an_interaction_row(
    browser: Any, lms_url: str, quiz_id: str
) -> None:
    quiz = driver.content().quiz(quiz_id)
    assert quiz is not None
    page = launch(browser, lms_url, quiz_id)
    frame = page.frames[1]
    frame.get_by_role("heading", level=1, name=driver.exact(quiz.title.nb)).wait_for()
    # The launch lays out a row per question, in the file's order, before any answer.
    page.wait_for_function(
        f"window.API.cmi.interactions.childArray.length === {len(quiz.questions)}"
    )
    frame.get_by_role("button", name="Start", exact=True).click()
    run = driver.Run(quiz, "nb")
    n = 0
    while True:
        # Every other answer wrong: both results reach the LMS.
        driver.answer_on_screen(frame, run, "best" if n % 2 == 0 else "worst")
        n += 1
        if not driver.go_on(frame, "nb"):
            break
    page.wait_for_function("window.committed['cmi.core.exit'] === ''")
    rows = rows_in_the_lms(page)
    assert [r["id"] for r in rows] == [q.id for q in quiz.questions]
    assert {r["type"] for r in rows} == {"choice"}
    answered = {question_id: response for question_id, response, _ in run.answers}
    texts = [r.text for r in answered.values() if r.text]
    sent = page.evaluate("window.set")
    for n, (question, r) in enumerate(zip(quiz.questions, rows, strict=True)):
        if question.id not in answered:  # a branch the story did not take
            assert r["student_response"] == "" and r["result"] == ""
            continue
        picked, result = expected_row(quiz, question.id, answered[question.id])
        assert r["student_response"] == picked, question.id
        if result:
            assert r["result"] == result, question.id
        # As the app wrote it (scorm-again's export writes it its own way).
        latency = sent[f"cmi.interactions.{n}.latency"]
        assert TIMESPAN.match(latency) and latency != "0000:00:00.00", latency
        assert not any(t in json.dumps(r, ensure_ascii=False) for t in texts)
    assert page.problems == [] or all("refused" not in p for p in page.problems), page.problems
    kept = {
        "cmi.suspend_data": str(page.evaluate("window.API.cmi.suspend_data")),
        "cmi.core.lesson_status": str(page.evaluate("window.API.cmi.core.lesson_status")),
        **{
            f"cmi.interactions.{i}.{k}": v
            for i, r in enumerate(rows)
            for k, v in r.items()
            if isinstance(v, str) and v
        },
    }
    page.context.close()

    # Another browser, the LMS holding the rows: the launch writes the same rows again, in
    # place (no duplicates, nothing refused), from the saved progress.
    page = launch(browser, lms_url, quiz_id, kept)
    page.wait_for_function("window.calls.includes('LMSCommit')")
    again = rows_in_the_lms(page)
    assert len(again) == len(quiz.questions)
    assert [(r["student_response"], r["result"]) for r in again] == [
        (r["student_response"], r["result"]) for r in rows
    ]
    assert not any("refused" in p or "did not take" in p for p in page.problems), page.problems
    page.context.close()
