"""The SCORM 1.2 package run as Moodle runs it: a real SCORM 1.2 run-time (scorm-again) in the
player page, the unpacked package framed from ``pluginfile.php/…/mod_scorm/content/…`` with
Moodle's types (``.wasm`` as ``application/octet-stream``, what it does not know as
``document/unknown``)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz_engine.app.lms.codec import SUSPEND_LIMIT, decode, units
from quiz_engine.base.model import Question
from tests.browser import driver
from tests.browser.conftest import BOOT_TIMEOUT_MS, INTERACTIVE_MARK
from tests.browser.lms_player import CONTENT_PATH, MOODLE_TYPES, add_scorm_again, player
from tools.serve import start_server
from web.build.scorm import build_package

QUIZ = driver.content().quiz("lillevik")
LONG = "Mitt svar: 🙂 æøå. " * 250  # 4,500 characters: more than a reflection may hold


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_package(tmp_path_factory.mktemp("scorm"), ("lillevik", "gaver"))


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory: pytest.TempPathFactory, package: Path) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("lms")
    site = tmp / "site"
    with zipfile.ZipFile(package) as zf:
        zf.extractall(site / CONTENT_PATH)
    add_scorm_again(site)
    (site / "player.html").write_text(player("lillevik"), encoding="utf-8")
    server, url = start_server(site, types=MOODLE_TYPES)
    yield url
    server.shutdown()
    server.server_close()


def launch(browser: Any, url: str, kept: dict[str, str] | None = None) -> tuple[Any, Any]:
    context = browser.new_context()
    if kept is not None:
        context.add_init_script(f"window.kept = {json.dumps(kept)};")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.goto(url + "player.html")
    page.wait_for_function("window.calls.includes('LMSInitialize')", timeout=BOOT_TIMEOUT_MS)
    frame = page.frames[1]
    frame.wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    return page, frame


def cmi(page: Any, element: str) -> str:
    """What the SCO last set ``cmi.<element>`` to."""
    return str(page.evaluate(f"String(window.set['cmi.{element}'])"))


def commits(page: Any) -> int:
    return int(page.evaluate("window.calls.filter(c => c === 'LMSCommit').length"))


def long_reflection(question: Question, strategy: str) -> Any:
    response = ORIGINAL_CHOOSE(question, strategy)
    if question.kind == "reflection":
        return type(response)(response.choices, LONG[:4000], response.ticked)
    return response


ORIGINAL_CHOOSE = driver.choose


def test_launch_answer_finish_and_resume_on_another_device(
    browser: Any, lms_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(driver, "choose", long_reflection)
    page, frame = launch(browser, lms_url)
    # The SCO starts at its quiz, with the .wasm Moodle types wrongly; no offline service
    # worker, only the package's own that keeps the .wasm (test_lms_wasm_cache.py).
    frame.get_by_role("heading", level=1, name=driver.exact(QUIZ.title.nb)).wait_for()
    assert frame.evaluate("navigator.serviceWorker?.controller ?? null") is None
    workers = frame.evaluate(
        "navigator.serviceWorker.getRegistrations()"
        ".then(rs => rs.flatMap(r => [r.installing, r.waiting, r.active]))"
        ".then(ws => ws.filter(Boolean).map(w => new URL(w.scriptURL).pathname))"
    )
    assert all(path.endswith("/lms-sw.js") for path in workers), workers
    frame.get_by_role("button", name="Start", exact=True).click()

    run = driver.Run(QUIZ, "nb")
    driver.answer_on_screen(frame, run)
    answered = (  # answers the LMS has in committed rows
        "Object.entries(window.committed)"
        ".filter(([k, v]) => k.endsWith('.student_response') && v).length"
    )
    page.wait_for_function(f"{answered} === 1")
    assert cmi(page, "core.lesson_status") == "incomplete"
    assert cmi(page, "core.exit") == "suspend"
    assert len(decode(QUIZ, cmi(page, "suspend_data")).history) == 1

    # The LMS stops answering: the quiz goes on, and the next commit catches up.
    page.evaluate(
        "window.realCommit = window.API.LMSCommit;"
        "window.API.LMSCommit = () => { throw new Error('the LMS is down'); }; 0"
    )
    driver.go_on(frame, "nb")
    driver.answer_on_screen(frame, run)
    frame.wait_for_function("document.documentElement.dataset.lms === 'waiting'")
    assert frame.locator("#feedback-heading").is_visible()
    page.evaluate("window.API.LMSCommit = window.realCommit; 0")
    before = commits(page)
    driver.go_on(frame, "nb")
    driver.answer_on_screen(frame, run)
    page.wait_for_function(f"window.calls.filter(c => c === 'LMSCommit').length > {before}")
    page.wait_for_function(f"{answered} === 3")
    assert len(decode(QUIZ, cmi(page, "suspend_data")).history) == 3

    while driver.go_on(frame, "nb"):
        driver.answer_on_screen(frame, run)
    percent = run.expected_percent()
    page.wait_for_function("window.committed['cmi.core.exit'] === ''")
    assert cmi(page, "core.lesson_status") == ("passed" if percent >= QUIZ.pass_mark else "failed")
    assert cmi(page, "core.score.raw") == str(percent)
    page.screenshot(path="/tmp/scorm-results.png")
    assert (cmi(page, "core.score.min"), cmi(page, "core.score.max")) == ("0", "100")
    data = cmi(page, "suspend_data")
    assert units(data) <= SUSPEND_LIMIT and page.evaluate("window.longest") <= SUSPEND_LIMIT
    # Reflection texts stay on the device (policy.SEND_TEXTS): the LMS hears that a reflection
    # was answered, never what was written.
    texts = [e.response.text for e in decode(QUIZ, data).history if e.response and e.response.text]
    assert texts == [] and "Mitt svar" not in data

    # Leaving: LMSFinish, with the session time.
    page.evaluate("document.querySelector('iframe').remove()")
    page.wait_for_function("window.calls.includes('LMSFinish')")
    assert page.evaluate("window.calls.filter(c => c === 'LMSFinish').length") == 1
    session_time = cmi(page, "core.session_time")
    assert re.fullmatch(r"\d{4}:\d\d:\d\d\.\d\d", session_time), session_time
    assert session_time != "0000:00:00.00"
    # The LMS itself holds it all: what it would keep for the next attempt.
    assert page.evaluate("window.API.cmi.suspend_data") == data
    assert page.evaluate("window.API.cmi.core.lesson_status") == cmi(page, "core.lesson_status")
    assert page.errors == []
    kept = {
        "cmi.suspend_data": data,
        "cmi.core.lesson_status": cmi(page, "core.lesson_status"),
        "cmi.core.score.raw": cmi(page, "core.score.raw"),
    }
    page.context.close()

    # Another device (nothing in its browser): the LMS's saved progress brings the result back.
    page, frame = launch(browser, lms_url, kept)
    frame.evaluate("location.hash = '#/s/lillevik/resultat'")
    frame.get_by_role("heading", level=1, name="Resultatet ditt").wait_for()
    assert f"{percent} %" in driver.plain(frame.locator(".score-number").inner_text())
    # The about screen says what goes to the LMS.
    frame.evaluate("location.hash = '#/om'")
    frame.get_by_text("Plattformen får nøyaktig dette").wait_for()
    frame.get_by_text("Plattformen får nøyaktig dette").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/scorm-about.png")
    assert page.errors == []
    page.context.close()


NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")  # what xs:ID allows (ASCII)


def test_the_manifest_holds_what_moodles_importer_reads(package: Path) -> None:
    """mod/scorm/datamodels/scormlib.php: it reads tags by their prefixed names (ADLCP:…),
    the schemaversion against ^1.2$, organizations' default, items' identifierref and
    parameters, resources' href and adlcp:scormtype, and adlcp:masteryscore."""
    from xml.etree import ElementTree as ET

    from web.build.scorm import ADLCP, CP

    assert package.name == "folkevalgt-quiz-scorm12.zip"
    with zipfile.ZipFile(package) as zf:
        names = set(zf.namelist())
        raw = zf.read("imsmanifest.xml").decode("utf-8")
    assert not any(n.endswith(".mjs") or n == "sw.js" for n in names)
    assert "<adlcp:masteryscore>" in raw and 'adlcp:scormtype="sco"' in raw
    root = ET.fromstring(raw)
    ns = {"cp": CP, "adlcp": ADLCP}
    assert root.tag == f"{{{CP}}}manifest" and NCNAME.match(root.get("identifier", ""))
    assert root.findtext("cp:metadata/cp:schema", namespaces=ns) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "1.2"
    orgs = root.find("cp:organizations", ns)
    assert orgs is not None
    (org,) = orgs.findall("cp:organization", ns)
    assert orgs.get("default") == org.get("identifier")
    resources = {r.get("identifier"): r for r in root.iterfind("cp:resources/cp:resource", ns)}
    ids = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(ids) == len(set(ids)) and all(NCNAME.match(i or "") for i in ids)
    items = org.findall("cp:item", ns)
    quizzes = [driver.content().quiz(q) for q in ("lillevik", "gaver")]
    assert [i.findtext("cp:title", namespaces=ns) for i in items] == [q.title.nb for q in quizzes]
    # What the IMS CP 1.1.2 / ADL CP 1.2 schemas also ask: titles of at most 200 characters,
    # an item's title before the adlcp elements, a resource's files before its dependency.
    titles = [t.text or "" for t in root.iter(f"{{{CP}}}title")]
    assert titles and all(0 < len(t) <= 200 for t in titles)
    assert all(i[0].tag == f"{{{CP}}}title" for i in items)
    for resource in resources.values():
        tags = [child.tag.split("}")[1] for child in resource]
        assert tags == sorted(tags, key=["file", "dependency"].index)
    for item, quiz in zip(items, quizzes, strict=True):
        assert item.get("parameters") == f"?sco={quiz.id}"
        assert item.findtext("adlcp:masteryscore", namespaces=ns) == str(quiz.pass_mark)
        resource = resources[item.get("identifierref")]
        assert resource.get(f"{{{ADLCP}}}scormtype") == "sco"
        assert resource.get("href") == "index.html" and "index.html" in names
    files = {f.get("href") for f in root.iterfind("cp:resources/cp:resource/cp:file", ns)}
    assert files == names - {"imsmanifest.xml"}
    # QUIZZES=lillevik,gaver: the app inside holds just those.
    with zipfile.ZipFile(package) as zf, zipfile.ZipFile(io.BytesIO(zf.read("app.zip"))) as app:
        bundle = json.loads(app.read("bundle.json"))
    assert sorted(q["id"] for q in bundle["quizzes"]) == ["gaver", "lillevik"]


def test_a_new_window_launch_finds_the_api_on_its_opener(browser: Any, lms_url: str) -> None:
    """Moodle's "Display package: New window": the SCO is a popup, the API on its opener."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(lms_url + "player.html")
    # The player's own frame stands in for Moodle's page; remove it, then open the popup.
    page.evaluate("document.querySelector('iframe').remove(); window.calls.length = 0")
    with page.expect_popup() as popup_info:
        page.evaluate(f"window.open('{CONTENT_PATH}index.html?sco=lillevik', 'sco')")
    popup = popup_info.value
    popup.wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    page.wait_for_function("window.calls.includes('LMSInitialize')")
    popup.get_by_role("heading", level=1, name=driver.exact(QUIZ.title.nb)).wait_for()
    page.wait_for_function("window.set['cmi.core.lesson_status'] === 'incomplete'")
    popup.close()
    page.wait_for_function("window.calls.includes('LMSFinish')")
    context.close()
