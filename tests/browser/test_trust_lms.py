"""The SCORM package in an LMS, as a hostile tester found it (issue 18): a shared device, a slow
LMS, an LMS that refuses the launch or every commit. scorm-again 3.4.3 is the LMS, as in
test_scorm.py, in a player page whose API a test can slow down or break before the SCO starts
(``window.tweak(api)``)."""

from __future__ import annotations

import json
import re
import statistics
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest

from quiz_engine.app.lms.codec import decode
from quiz_engine.base.names import STORAGE_PREFIX as PREFIX
from quiz_engine.views.about_privacy import SENT
from tests.browser import driver
from tests.browser.conftest import BOOT_TIMEOUT_MS, INTERACTIVE_MARK
from tests.browser.lms_player import CONTENT_PATH, MOODLE_TYPES, add_scorm_again, player
from tools.serve import start_server
from web.build.scorm import build_package

QUIZ = driver.content().quiz("gaver")
# An LMS whose every call takes ``ms`` (Moodle's commits are synchronous requests).
SLOW = """window.tweak = (api) => {
  for (const name of ["LMSSetValue", "LMSCommit", "LMSGetValue"]) {
    const real = api[name].bind(api);
    api[name] = (...args) => {
      const until = performance.now() + (window.slowMs || 0);
      while (performance.now() < until) {}
      return real(...args);
    };
  }
};"""


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    package = build_package(tmp_path_factory.mktemp("scorm"), ("gaver",))
    site = tmp_path_factory.mktemp("lms") / "site"
    with zipfile.ZipFile(package) as zf:
        zf.extractall(site / CONTENT_PATH)
    add_scorm_again(site)
    (site / "player.html").write_text(player("gaver"), encoding="utf-8")
    server, url = start_server(site, types=MOODLE_TYPES)
    yield url
    server.shutdown()
    server.server_close()


def launch(context: Any, url: str, kept: dict[str, str], script: str = "") -> tuple[Any, Any]:
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.add_init_script(
        f"if (window === window.top) {{ window.kept = {json.dumps(kept)}; {script} }}"
    )
    page.goto(url + "player.html")
    frame = page.frames[1]
    frame.wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    driver.settled(frame)
    return page, frame


def finish_quiz(frame: Any, text: str = "") -> None:
    assert QUIZ is not None
    frame.evaluate("location.hash = '#/s/gaver'")
    driver.settled(frame)
    frame.get_by_role("button", name="Start", exact=True).click()
    driver.complete(frame, driver.Run(QUIZ, "nb"))


def test_a_shared_device_never_gives_learner_b_anything_of_learner_a(
    browser: Any, lms_url: str
) -> None:
    """A tablet at a seminar: learner A finishes, learner B launches with an empty LMS record."""
    context = browser.new_context()
    page, frame = launch(context, lms_url, {"cmi.core.student_id": "anne-1"})
    finish_quiz(frame)
    page.wait_for_function("window.set['cmi.core.score.raw'] !== undefined", timeout=30_000)
    stored = frame.evaluate("JSON.stringify(localStorage)")
    assert "anne-1" not in stored  # a one-way hash, never the id itself
    page.close()

    page, frame = launch(
        context, lms_url, {"cmi.core.student_id": "bjorn-2", "cmi.core.entry": "ab-initio"}
    )
    page.wait_for_function(
        "window.sets.length > 0 && window.calls.includes('LMSCommit')", timeout=30_000
    )
    sets = dict(page.evaluate("window.sets"))
    assert sets.get("cmi.core.lesson_status") == "incomplete"
    assert "cmi.core.score.raw" not in sets and sets.get("cmi.suspend_data", "") == ""
    assert "Resultatet ditt" not in frame.locator("#app").inner_text()
    frame.evaluate("location.hash = '#/s/gaver/resultat'")
    driver.settled(frame)
    assert "%" not in frame.locator("#main").inner_text()
    page.close()
    context.close()


def feedback_latencies(frame: Any, answers: int) -> list[float]:
    """Answer ``answers`` questions as a councillor does; per answer, the time from the tap
    (the event's own time stamp, so a blocked main thread counts) to the feedback on screen."""
    assert QUIZ is not None
    frame.evaluate(
        """() => { window.lat = []; let t0 = null;
        document.addEventListener('click', (e) => {
          if (e.target.closest('button[type=submit]')) t0 = e.timeStamp; }, true);
        new MutationObserver(() => {
          if (t0 !== null && document.getElementById('feedback-heading')) {
            window.lat.push(performance.now() - t0); t0 = null; }
        }).observe(document.body, { childList: true, subtree: true }); }"""
    )
    run = driver.Run(QUIZ, "nb")
    for n in range(answers):
        driver.answer_on_screen(frame, run)
        if n + 1 < answers:
            driver.go_on(frame, "nb")
    frame.wait_for_function(f"window.lat.length === {answers}")
    return list(frame.evaluate("window.lat"))


def test_a_slow_lms_never_delays_feedback(browser: Any, lms_url: str) -> None:
    """Every SCORM call takes 1.5 s: the feedback comes as fast as with a quick LMS (within
    100 ms), and the values still reach the LMS."""
    timings = {}
    for name, ms in (("quick", 0), ("slow", 1500)):
        context = browser.new_context()
        page, frame = launch(context, lms_url, {}, SLOW)
        frame.evaluate("location.hash = '#/s/gaver'")
        driver.settled(frame)
        frame.get_by_role("button", name="Start", exact=True).click()
        driver.settled(frame)
        page.evaluate(f"window.slowMs = {ms}")
        timings[name] = feedback_latencies(frame, 4)
        page.wait_for_function(
            "window.set['cmi.suspend_data'] && window.set['cmi.suspend_data'].split('|')[4]"
            ".split(',').length === 4",
            timeout=60_000,
        )
        assert QUIZ is not None
        assert len(decode(QUIZ, page.evaluate("window.set['cmi.suspend_data']")).history) == 4
        context.close()
    print("feedback (ms):", timings)
    assert max(timings["slow"]) <= max(timings["quick"]) + 100, timings
    assert statistics.median(timings["slow"]) <= statistics.median(timings["quick"]) + 100


def test_suspend_data_that_once_hung_the_sco_is_set_aside_and_said(
    browser: Any, lms_url: str
) -> None:
    """``1|gaver|i|7||-3:`` looped for ever while memory grew, on every launch: now the SCO
    starts (launch() waits for the app to be interactive), keeps the value on the device and
    says the platform's progress could not be read."""
    damaged = "1|gaver|i|7||-3:"
    context = browser.new_context()
    page, frame = launch(context, lms_url, {"cmi.suspend_data": damaged})
    frame.locator("#notices").get_by_text("fremdriften din, kunne ikke leses").wait_for()
    kept = frame.evaluate(
        "(prefix) => Object.keys(localStorage).filter(k => k.startsWith(prefix + 'aside:lms:'))"
        ".map(k => localStorage[k])",
        PREFIX,
    )
    assert kept == [damaged]
    frame.get_by_role("button", name="Start", exact=True).wait_for()
    assert page.errors == []
    context.close()


def test_an_lms_that_refuses_the_launch_says_the_result_will_not_be_recorded(
    browser: Any, lms_url: str
) -> None:
    context = browser.new_context()
    refuse = "window.tweak = (api) => { api.LMSInitialize = () => 'false'; };"
    _page, frame = launch(context, lms_url, {}, refuse)
    notices = frame.locator("#notices")
    notices.get_by_text("blir ikke registrert der denne gangen").wait_for()
    assert "Læringsplattformen får" not in frame.locator("footer").inner_text()
    context.close()
    context = browser.new_context()
    throw = "window.tweak = (api) => { api.LMSInitialize = () => { throw new Error('nede'); }; };"
    _page, frame = launch(context, lms_url, {}, throw)
    frame.locator("#notices").get_by_text("blir ikke registrert der denne gangen").wait_for()
    context.close()
    # Launched as a SCO with no LMS around it at all (no API object to find).
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{lms_url}{CONTENT_PATH}index.html?sco=gaver")
    page.wait_for_function(
        f"performance.getEntriesByName({INTERACTIVE_MARK!r}).length > 0", timeout=BOOT_TIMEOUT_MS
    )
    page.locator("#notices").get_by_text("blir ikke registrert der denne gangen").wait_for()
    assert "Læringsplattformen får" not in page.locator("footer").inner_text()
    context.close()


def test_an_lms_that_refuses_every_commit_is_said_calmly_and_caught_up(
    browser: Any, lms_url: str
) -> None:
    assert QUIZ is not None
    context = browser.new_context()
    refusing = """window.tweak = (api) => {
      const real = api.LMSCommit.bind(api);
      api.LMSCommit = (...a) => (window.refuse ? 'false' : real(...a));
    };"""
    page, frame = launch(context, lms_url, {}, refusing)
    page.evaluate("window.refuse = true")
    frame.evaluate("location.hash = '#/s/gaver'")
    driver.settled(frame)
    frame.get_by_role("button", name="Start", exact=True).click()
    driver.answer_on_screen(frame, driver.Run(QUIZ, "nb"))
    waiting = frame.locator("#notices").get_by_text(
        "Resultatet er ikke sendt til læringsplattformen ennå – vi prøver igjen"  # noqa: RUF001
    )
    waiting.wait_for(timeout=15_000)
    page.evaluate("window.refuse = false")
    waiting.wait_for(state="detached", timeout=30_000)
    assert frame.evaluate("document.documentElement.dataset.lms") == "committed"
    # Still on the device all along.
    assert frame.evaluate(f"localStorage.getItem({PREFIX + 'session:gaver'!r})") is not None
    context.close()


def test_in_an_lms_the_statement_lists_exactly_what_the_lms_gets(
    browser: Any, lms_url: str
) -> None:
    context = browser.new_context()
    page, frame = launch(context, lms_url, {"cmi.core.student_id": "anne-1"})
    finish_quiz(frame)
    page.wait_for_function("window.set['cmi.core.score.raw'] !== undefined", timeout=30_000)
    frame.evaluate("location.hash = '#/om'")
    driver.settled(frame)
    assert frame.locator(".privacy").get_attribute("data-mode") == "lms"
    marks = frame.evaluate(
        "[...document.querySelectorAll('.privacy [data-sent]')].map(e => e.dataset.sent)"
    )
    listed = {m for mark in marks for m in mark.split()}
    frame.evaluate("location.hash = '#/'")  # leave: LMSFinish sends the last values
    page.evaluate("document.querySelector('iframe').remove()")
    page.wait_for_function("window.calls.includes('LMSFinish')")
    # A row's number written n, as the statement lists them (cmi.interactions.n.result).
    sent = {re.sub(r"\.\d+(?=\.)", ".n", k) for k in page.evaluate("Object.keys(window.set)")}
    assert sent == listed == set(SENT["lms"])
    # What the statement says is not sent is not: no reflection text in any value.
    assert all("Jeg ville sagt fra" not in v for _, v in page.evaluate("window.sets"))
    context.close()
