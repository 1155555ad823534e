"""Start-up, responsiveness, size and memory of the built app, against bare Pyodide.

    python bench/startup.py [--rounds 3]      (after `make build`)

Serves dist/ on loopback and, in one headless Chromium, runs the measurements interleaved
round by round so machine noise hits them alike:
- the app cold (new profile), warm (reload: service worker and start-up snapshot) and offline
  (network off), to quiz:first-content and quiz:interactive;
- a bare Pyodide page (the same files from dist/, given the app's trimmed standard library as
  ``stdLibURL``, so the ratio compares Python starting, not library sizes: loadPyodide +
  import json) cold and warm; the same page given that library as source (as Pyodide ships
  its own; the app's zip has its start-up modules compiled ahead), for the ratios before that;
  and two floors: that page restored from a snapshot of its own (no app's warm start by
  snapshot can be faster), and that page importing and preparing the engine (no first visit
  can be faster);
- tap on "Svar" to the feedback on screen, over a whole scenario;
- bytes on the wire (as sent, gzip) on a first visit, Pyodide/PyScript vs our own files, up
  to interactive and then with the offline precache that follows (every response);
- memory after a whole scenario (JS heap + WebAssembly memory, measureUserAgentSpecificMemory,
  which needs the cross-origin isolation this benchmark's server turns on).
Prints medians, min and max, the ratios the goals are stated in, and where a cold and a warm
start go (the page's marks and the worker's, "worker:<step>", on the page's timeline).
"""

from __future__ import annotations

import argparse
import functools
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.driver import Run, choose, content, current_question, go_on  # noqa: E402
from tools.find_browser import chromium_args, chromium_executable  # noqa: E402
from tools.serve import Handler, make_server, start_server  # noqa: E402
from tools.stdlib import trim  # noqa: E402
from tools.vendor import STDLIB  # noqa: E402

SOURCE_STDLIB = "python_stdlib_source.zip"

ISOLATED = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
}
BARE = """<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ stdLibURL: "./pyodide/python_stdlib_app.zip" });
pyodide.runPython("import json");
performance.mark("bare:ready");
</script>"""
# The floor of any warm start by snapshot: the same bare page, restored from a snapshot of its
# own (made and stored on its first load, in IndexedDB as the app's is), on the main thread and
# without PyScript, the engine or its content (so about 20 MB smaller than the app's).
BARE_SNAPSHOT = """<!doctype html><meta charset="utf-8"><title>bare snapshot</title>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const store = (mode, action) => new Promise((resolve, reject) => {
  const open = indexedDB.open("bare", 1);
  open.onupgradeneeded = () => open.result.createObjectStore("s");
  open.onsuccess = () => {
    const tx = open.result.transaction("s", mode);
    const request = action(tx.objectStore("s"));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
  };
});
const stdLibURL = "./pyodide/python_stdlib_app.zip";
const bytes = await store("readonly", (s) => s.get("bytes"));
if (bytes) {
  const pyodide = await loadPyodide({ stdLibURL, _loadSnapshot: bytes });
  pyodide.runPython("import json");
  performance.mark("bare:ready");
} else {
  const pyodide = await loadPyodide({ stdLibURL, _makeSnapshot: true });
  pyodide.runPython("import json");
  await store("readwrite", (s) => s.put(pyodide.makeMemorySnapshot(), "bytes"));
  performance.mark("bare:made");
}
</script>"""
# The floor of a first visit: the same bare page, which also unpacks app.zip and imports and
# prepares the engine as the app's worker does (its FREEZE), on the main thread, without
# PyScript, a worker or a snapshot made.
BARE_ENGINE = BARE.replace(
    "const pyodide = await",
    'const app = fetch("./app.zip").then((r) => r.arrayBuffer());\nconst pyodide = await',
).replace(
    'pyodide.runPython("import json");',
    """pyodide.unpackArchive(await app, "zip", { extractDir: "/home/pyodide" });
pyodide.runPython(`
import os, sys
os.chdir("/home/pyodide")
sys.path.insert(0, "/home/pyodide")
import quiz_engine.app
def text(name):
    if os.path.exists(name):
        with open(name, encoding="utf-8") as handle:
            return handle.read()
quiz_engine.app.prepare(text("bundle.json"), text("strings.json"), text("edition.json"))
`);""",
)
RUNTIME = ("pyodide/", "pyscript/", "vendor/")


def mark(page: Any, name: str, timeout: float = 120_000) -> float:
    page.wait_for_function(f"performance.getEntriesByName('{name}').length > 0", timeout=timeout)
    return float(page.evaluate(f"performance.getEntriesByName('{name}')[0].startTime"))


def app_times(page: Any) -> tuple[float, float]:
    return mark(page, "quiz:first-content"), mark(page, "quiz:interactive")


def steps(page: Any) -> dict[str, float]:
    """Every mark of a start up to interactive: the page's ("quiz:") and the worker's."""
    found = page.evaluate(
        """() => {
            const end = performance.getEntriesByName('quiz:interactive')[0].startTime;
            return performance.getEntriesByType('mark')
                .filter(m => m.startTime <= end && /^(quiz|worker):/.test(m.name))
                .map(m => [m.name, m.startTime]);
        }"""
    )
    return {name: float(at) for name, at in found}


def bare_dir() -> Path:
    """A bare Pyodide page over dist/'s own Pyodide files and trimmed standard library (and the
    lock file Pyodide fetches, which dist/ does not ship: the app gives Pyodide its header);
    and ``source.html``, the same page given the trimmed standard library as source, as Pyodide
    ships its own (tools/stdlib.py's ``trim`` without the start-up compiled ahead)."""
    folder = Path(tempfile.mkdtemp())
    (folder / "index.html").write_text(BARE, encoding="utf-8")
    (folder / "source.html").write_text(BARE.replace(STDLIB, SOURCE_STDLIB), encoding="utf-8")
    (folder / "snapshot.html").write_text(BARE_SNAPSHOT, encoding="utf-8")
    (folder / "engine.html").write_text(BARE_ENGINE, encoding="utf-8")
    (folder / "app.zip").symlink_to(ROOT / "dist" / "app.zip")
    (folder / "pyodide").mkdir()
    for path in (ROOT / "dist" / "pyodide").iterdir():
        (folder / "pyodide" / path.name).symlink_to(path)
    lock = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"
    (folder / "pyodide" / lock.name).symlink_to(lock)
    trim(
        ROOT / "node_modules" / "pyodide" / "python_stdlib.zip", folder / "pyodide" / SOURCE_STDLIB
    )
    return folder


# Bytes the app's server sent, by kind: counted at the server, so the engine worker's requests
# count as the page's do. The offline precache, which downloads the files once more after the
# app is ready, is measured apart (a first visit with service workers blocked, against one with).
SENT = {"runtime": 0, "own": 0, "precache": 0}


class CountingHandler(Handler):
    def copyfile(self, source: Any, outputfile: Any) -> None:
        body = source.read()
        kind = "runtime" if any(f"/{p}" in self.path for p in RUNTIME) else "own"
        SENT[kind] += len(body)
        outputfile.write(body)


def start_counting_server(directory: Path, headers: dict[str, str]) -> tuple[Any, str]:
    server, url = make_server(directory, headers=headers)
    server.RequestHandlerClass = functools.partial(
        type("Counting", (CountingHandler,), {"extra_headers": headers}), directory=str(directory)
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, url


def answer_latencies(page: Any, url: str) -> list[float]:
    """Milliseconds from pressing "Svar" to the feedback heading being painted, per question."""
    quiz = content().quiz("habilitet")
    assert quiz is not None
    page.goto(f"{url}#/s/{quiz.id}")
    page.get_by_role("button", name="Start", exact=True).click()
    run, times = Run(quiz, "nb"), []
    while True:
        question = current_question(page, quiz, "nb")
        response = choose(question, "best")
        for option_id in response.choices:
            page.locator(f"[name=choice][value='{option_id}']").check()
        if question.confidence:
            page.locator("[name=confidence][value='3']").check()
        times.append(
            page.evaluate(
                """() => new Promise(resolve => {
                    const start = performance.now();
                    new MutationObserver((_, observer) => {
                        if (!document.getElementById('feedback-heading')) return;
                        observer.disconnect();
                        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
                    }).observe(document.getElementById('app'), {childList: true, subtree: true});
                    document.querySelector('.answer-form [type=submit]').click();
                })"""
            )
        )
        run.answers.append((question.id, response, 3 if question.confidence else None))
        if not go_on(page, "nb"):
            return times


def memory_mb(page: Any) -> float:
    result = page.evaluate("performance.measureUserAgentSpecificMemory().then(m => m.bytes)")
    return float(result) / 1e6


def summary(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):8.0f}  min {min(values):8.0f}  max {max(values):8.0f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    dist = ROOT / "dist"
    if not (dist / "index.html").is_file():
        print("dist/ is missing: run `make build` first", file=sys.stderr)
        return 1
    bare = bare_dir()
    app_server, app_url = start_counting_server(dist, ISOLATED)
    bare_server, bare_url = start_server(bare)
    figures: dict[str, list[float]] = {}
    timeline: dict[str, dict[str, list[float]]] = {"cold": {}, "warm": {}}
    wire: dict[str, int] = {}
    latencies: list[float] = []
    memory: list[float] = []

    def add(name: str, value: float) -> None:
        figures.setdefault(name, []).append(value)

    def keep(kind: str, page: Any) -> None:
        for name, at in steps(page).items():
            timeline[kind].setdefault(name, []).append(at)

    with sync_playwright() as pw:
        args_ = [*chromium_args(), "--enable-blink-features=ForceEagerMeasureMemory"]
        browser = pw.chromium.launch(executable_path=chromium_executable(), args=args_)
        for round_ in range(args.rounds):
            context = browser.new_context()
            page = context.new_page()
            for kind in SENT:
                SENT[kind] = 0
            page.goto(app_url)
            first, interactive = app_times(page)
            if round_ == 0:
                wire = dict(SENT)  # the visit, up to interactive
            add("app cold: first content", first)
            add("app cold: interactive", interactive)
            keep("cold", page)
            page.wait_for_function(
                "document.documentElement.dataset.snapshot === 'made'", timeout=120_000
            )
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            if round_ == 0:  # then the offline precache: every response of the first visit
                wire["precache"] = sum(SENT.values()) - wire["runtime"] - wire["own"]
            page.reload()
            first, interactive = app_times(page)
            add("app warm: first content", first)
            add("app warm: interactive", interactive)
            keep("warm", page)
            context.set_offline(True)
            page.reload()
            first, interactive = app_times(page)
            add("app offline: first content", first)
            add("app offline: interactive", interactive)
            context.set_offline(False)
            if round_ == 0:
                latencies = answer_latencies(page, app_url)
                memory.append(memory_mb(page))
            context.close()

            for name, page_url in (("", bare_url), (" (source)", bare_url + "source.html")):
                context = browser.new_context()
                page = context.new_page()
                page.goto(page_url)
                add(f"bare Pyodide cold{name}", mark(page, "bare:ready"))
                page.reload()
                add(f"bare Pyodide warm{name}", mark(page, "bare:ready"))
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(bare_url + "engine.html")
            add("bare Pyodide + engine cold", mark(page, "bare:ready"))
            context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(bare_url + "snapshot.html")
            mark(page, "bare:made")
            page.reload()
            add("bare Pyodide warm (snapshot)", mark(page, "bare:ready"))
            context.close()
        browser.close()
    app_server.shutdown()
    bare_server.shutdown()
    shutil.rmtree(bare)

    med = {name: statistics.median(values) for name, values in figures.items()}
    print(f"Chromium headless, {args.rounds} rounds interleaved; times in ms from navigation start")
    for name, values in figures.items():
        print(f"  {name:<30} {summary(values)}")
    p95 = sorted(latencies)[max(0, round(0.95 * len(latencies)) - 1)]
    print(
        f"  answer -> feedback on screen   p95 {p95:6.1f} ms  median {statistics.median(latencies):6.1f} ms  ({len(latencies)} answers)"
    )
    visit = (wire["runtime"] + wire["own"]) / 1e6
    every = visit + wire["precache"] / 1e6
    print(
        f"  first visit on the wire        Pyodide/PyScript {wire['runtime'] / 1e6:.2f} MB, our files {wire['own'] / 1e3:.0f} KB, {visit:.2f} MB up to interactive; with the offline precache that follows {every:.2f} MB"
    )
    print(f"  memory after a whole scenario  {memory[0]:.0f} MB (JS heap + WebAssembly memory)")
    for kind, found in timeline.items():
        print(f"Where a {kind} start goes (medians, ms from navigation start):")
        for name, values in sorted(found.items(), key=lambda item: statistics.median(item[1])):
            print(f"  {statistics.median(values):7.0f}  {name}")
    print("Goals (ratios to bare Pyodide, given the same trimmed standard library, in this run):")
    rows = [
        ("first content, cold", med["app cold: first content"] / med["bare Pyodide cold"], 0.10),
        ("interactive, cold", med["app cold: interactive"] / med["bare Pyodide cold"], 1.0),
        ("interactive, warm", med["app warm: interactive"] / med["bare Pyodide warm"], 0.40),
        ("interactive, offline", med["app offline: interactive"] / med["bare Pyodide warm"], 0.40),
    ]
    for name, ratio, goal in rows:
        print(
            f"  {name:<24} {ratio:5.2f} x   goal <= {goal:.2f}   {'OK' if ratio <= goal else 'MISSED'}"
        )
    checks = [
        ("answer -> feedback p95", p95, 50, "ms"),
        ("first visit, every response, gzip", every, 4.8, "MB"),
        ("memory after a scenario", memory[0], 128, "MB"),
    ]
    for name, value, goal, unit in checks:
        print(
            f"  {name:<24} {value:7.2f} {unit}   goal <= {goal} {unit}   {'OK' if value <= goal else 'MISSED'}"
        )
    print("Floors (what no app on this Pyodide can beat), as ratios to the same bare Pyodide:")
    floors = [
        ("cold: bare Pyodide + the engine's import", "bare Pyodide + engine cold", "cold"),
        ("warm: bare Pyodide from its own snapshot", "bare Pyodide warm (snapshot)", "warm"),
    ]
    for name, key, kind in floors:
        print(f"  {name:<42} {med[key] / med[f'bare Pyodide {kind}']:5.2f} x")
    print(
        "The same against bare Pyodide given the trimmed standard library as source (as Pyodide"
        " ships it: the app's start-up modules not compiled ahead):"
    )
    for name, kind in (("first content, cold", "cold"), ("interactive, cold", "cold")):
        app = med[f"app cold: {name.split(',')[0]}"]
        print(f"  {name:<24} {app / med[f'bare Pyodide {kind} (source)']:5.2f} x")
    for name, key in (("interactive, warm", "app warm"), ("interactive, offline", "app offline")):
        print(
            f"  {name:<24} {med[f'{key}: interactive'] / med['bare Pyodide warm (source)']:5.2f} x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
