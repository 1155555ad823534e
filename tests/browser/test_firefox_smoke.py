"""Smoke run in Firefox (ESR): tests/browser/firefox_smoke.mjs through puppeteer-core over
WebDriver BiDi.

Boots the built dist/, completes one short scenario with the best answers, checks "100 %",
reloads and checks the app comes back on the results. The plan (which controls to use, by role
and accessible name) comes from tests/browser/smoke.py; the script prints what it saw as JSON.
A missing browser skips the test, or fails it under CI=true.

Needs Debian's firefox-esr (`make browsers` installs it as root), node and the npm
devDependency puppeteer-core (`make setup`). FIREFOX_PATH=/path overrides the browser.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.smoke import (
    EXPECTED_PERCENT,
    RESULTS_HASH,
    TIMEOUT_S,
    no_browser,
    plan,
)
from tools.find_browser import firefox_executable

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("firefox_smoke.mjs")


def test_firefox_completes_a_scenario_and_resumes_the_result(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    firefox = firefox_executable()
    if firefox is None:
        no_browser("no Firefox (Debian: firefox-esr; or FIREFOX_PATH=/path); run `make browsers`")
    node = shutil.which("node")
    if node is None:
        no_browser("node is not on PATH")
    if not (ROOT / "node_modules" / "puppeteer-core" / "package.json").is_file():
        no_browser("puppeteer-core is not installed; run `make setup` (npm ci)")

    request = {"url": server_url, "executablePath": firefox, "plan": plan()}
    try:
        done = subprocess.run(
            [node, str(SCRIPT)],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            cwd=ROOT,
            # Launch, two boots and five questions; the script's own waits stop at TIMEOUT_S.
            timeout=4 * TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"firefox_smoke.mjs ran over {exc.timeout} s:\n{exc.stderr}")
    lines = done.stdout.strip().splitlines()
    try:
        seen = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        pytest.fail(
            f"firefox_smoke.mjs printed no result (exit {done.returncode}):\n"
            f"{done.stdout}\n{done.stderr}"
        )

    with capsys.disabled():
        print(
            f"\nFirefox {seen['browser']} ({seen['userAgent']}): boot {_s(seen['bootMs'])}, "
            f"reload {_s(seen['reloadBootMs'])}, {len(seen['answered'])} questions, "
            f"result {seen['percent']!r}, after reload {seen['reloadHash']} "
            f"{seen['reloadPercent']!r}, start-up snapshot {seen['snapshot']} then "
            f"{seen['reloadSnapshot']}, whole run {seen['seconds']:.1f} s"
        )
        for warning in seen["consoleWarnings"]:
            print(f"  console.warn: {warning}")
    if not seen["ok"]:
        if "Failed to launch the browser process" in seen.get("error", ""):
            no_browser(f"Firefox at {firefox} could not be launched:\n{seen['error']}")
        pytest.fail(
            f"Firefox stopped at {seen['step']!r}: {seen.get('error')}\n"
            f"page: {json.dumps(seen.get('where'), ensure_ascii=False, indent=1)}\n"
            f"console errors: {seen['consoleErrors']}\npage errors: {seen['pageErrors']}\n"
            f"failed responses: {seen['failedResponses']}\nstderr: {done.stderr[-2000:]}"
        )
    assert seen["percent"] == EXPECTED_PERCENT
    # The warm start: the first visit made the start-up snapshot, the reload restored it.
    assert (seen["snapshot"], seen["reloadSnapshot"]) == ("made", "restored")
    assert seen["hash"] == RESULTS_HASH
    assert seen["reloadHash"] == RESULTS_HASH
    assert seen["reloadPercent"] == EXPECTED_PERCENT
    assert sorted(seen["answered"]) == sorted(request["plan"]["questions"])
    assert seen["pageErrors"] == []
    assert seen["consoleErrors"] == []
    assert seen["failedResponses"] == []


def _s(ms: float | None) -> str:
    return "?" if ms is None else f"{ms / 1000:.1f} s"
