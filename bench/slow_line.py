"""A first and a second visit on a slow line, as a councillor on hotel wifi with a tablet.

    python bench/slow_line.py [--rounds 3] [--rate 4] [--mbit 10] [--latency 40]
                              [--worker-rate 1]      (after `make build`)

``BENCH_DIST=/other/dist`` measures another build (an older commit's, for an interleaved
comparison) with this script.

The profile: Chrome's CPU throttling (``Emulation.setCPUThrottlingRate``) slows the page
``--rate`` times; the network is emulated (``Network.emulateNetworkConditions``: ``--mbit``
Mbit/s down, a quarter of it up, ``--latency`` ms) for the page, its worker and its service
worker alike. Chrome throttles pages only: sent to the engine's worker, the same command is
refused ("Operation is only supported for pages, not workers"), so the worker runs at the
machine's speed and a real tablet is slower still. ``--worker-rate 4`` also slows the worker,
roughly: it pauses this browser's renderer processes (page, worker and service worker) three
quarters of the time with SIGSTOP/SIGCONT (then the page is not throttled a second time).

For each round, in a new profile: open a link to Lillevik's story, tap "Start" as soon as it
shows (the tap is kept until the engine is there) and time when the first question can be
answered (its form on screen, the app ready); then, once the start-up snapshot is stored and
the service worker has everything, a second visit: a reload, which comes back to that question. Also: when the story
was readable, when the download line reached its total, and the worker's own steps (worker
marks on the page's timeline, from the worker's ``performance.timeOrigin``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tools.find_browser import chromium_args, chromium_executable  # noqa: E402
from tools.serve import start_server  # noqa: E402

MBIT = 1_000_000 / 8
# Installed before any script of the page: the moment the first question's form is on screen
# in a ready app, on the page's own clock (no polling delay).
WATCH = """
new MutationObserver((_, observer) => {
  if (!document.documentElement.classList.contains("app-ready")) return;
  if (document.querySelector("form[data-action=answer] [type=submit]") === null) return;
  if (document.body.dataset.rendered !== location.hash) return;
  observer.disconnect();
  performance.mark("bench:answerable");
}).observe(document, { childList: true, subtree: true, attributes: true });
"""
SETTLED = (
    "['made','restored','unsaved','unmade','off','failed']"
    ".includes(document.documentElement.dataset.snapshot)"
)


def mark(page: Any, name: str, timeout: float = 240_000) -> float:
    page.wait_for_function(f"performance.getEntriesByName('{name}').length > 0", timeout=timeout)
    return float(page.evaluate(f"performance.getEntriesByName('{name}')[0].startTime"))


def marks(page: Any, prefix: str) -> dict[str, float]:
    found = page.evaluate(
        f"""performance.getEntriesByType('mark').filter(m => m.name.startsWith('{prefix}'))
            .map(m => [m.name, m.startTime])"""
    )
    return {name: float(at) for name, at in found}


class Throttle:
    """Pauses the renderer processes of one browser ``rate - 1`` parts in ``rate``."""

    def __init__(self, browser_pid: int, rate: float) -> None:
        self.root, self.rate = browser_pid, rate
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def renderers(self) -> list[int]:
        children: dict[int, list[int]] = {}
        kinds: dict[int, bytes] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                kinds[int(entry)] = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
        mine, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            mine.append(pid)
            todo.extend(children.get(pid, []))
        return [p for p in mine if b"--type=renderer" in kinds.get(p, b"")]

    def run(self) -> None:
        on = 0.004
        off = on * (self.rate - 1)
        pids: list[int] = []
        looked = 0.0
        while not self.stop.is_set():
            if time.monotonic() - looked > 0.05:
                pids, looked = self.renderers(), time.monotonic()
            self.signal(pids, signal.SIGSTOP)
            time.sleep(off)
            self.signal(pids, signal.SIGCONT)
            time.sleep(on)

    @staticmethod
    def signal(pids: list[int], sig: signal.Signals) -> None:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)

    def __enter__(self) -> Throttle:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        self.signal(self.renderers(), signal.SIGCONT)


def browser_pid() -> int:
    """The Chromium this process launched (the newest child of ours that is one)."""
    me = os.getpid()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if b"chrom" in cmdline.split(b"\0")[0].lower() and b"--type=" not in cmdline:
            # Playwright's driver (node) sits between us and the browser.
            grand = (
                Path(f"/proc/{parent}/stat").read_text() if Path(f"/proc/{parent}").exists() else ""
            )
            if parent == me or (grand and int(grand.rsplit(")", 1)[1].split()[1]) == me):
                found.append(int(entry))
    if not found:
        raise RuntimeError("cannot find the browser's process")
    return max(found)


def visit(page: Any, url: str | None) -> dict[str, float]:
    """A first visit opens the story and taps "Start"; a second one (a reload) comes back to
    the question the first left on screen."""
    figures: dict[str, float] = {}
    if url:
        page.goto(url, wait_until="commit")
        page.get_by_role("button", name="Start", exact=True).click(timeout=240_000)
        figures["Start tapped"] = float(page.evaluate("performance.now()"))
    else:
        page.reload(wait_until="commit")
    figures["page readable"] = mark(page, "quiz:first-content")
    figures["first question answerable"] = mark(page, "bench:answerable")
    figures.update({name.removeprefix("quiz:"): at for name, at in marks(page, "quiz:").items()})
    figures.update(marks(page, "worker:"))
    done_at = page.evaluate("document.getElementById('boot-status')?.dataset.doneAt ?? null")
    if done_at is not None:
        figures["download line at its total"] = float(done_at)
    return figures


def summary(values: list[float]) -> str:
    median = statistics.median(values) / 1000
    return f"{median:5.2f} s  ({min(values) / 1000:.2f}-{max(values) / 1000:.2f})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rate", type=float, default=4.0, help="page CPU slow-down")
    parser.add_argument("--mbit", type=float, default=10.0, help="download Mbit/s")
    parser.add_argument("--latency", type=float, default=40.0, help="round trip, ms")
    parser.add_argument(
        "--worker-rate", type=float, default=1.0, help="also slow the worker (SIGSTOP), e.g. 4"
    )
    parser.add_argument("--quiz", default="lillevik")
    parser.add_argument("--query", default="")
    args = parser.parse_args()
    dist = Path(os.environ.get("BENCH_DIST", ROOT / "dist"))
    if not (dist / "index.html").is_file():
        print("dist/ is missing: run `make build` first", file=sys.stderr)
        return 1
    server, url = start_server(dist)
    rows: dict[str, dict[str, list[float]]] = {"first visit": {}, "second visit": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable(), args=chromium_args())
        pid = browser_pid()
        for _ in range(args.rounds):
            context = browser.new_context()
            context.add_init_script(WATCH)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": args.latency,
                    "downloadThroughput": args.mbit * MBIT,
                    "uploadThroughput": args.mbit * MBIT / 4,
                },
            )
            slow: Any = contextlib.nullcontext()
            if args.worker_rate > 1:
                slow = Throttle(pid, args.worker_rate)
            else:
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.rate})
            with slow:
                for name, address in (
                    ("first visit", f"{url}{args.query}#/s/{args.quiz}"),
                    ("second visit", None),
                ):
                    for key, value in visit(page, address).items():
                        rows[name].setdefault(key, []).append(value)
                    if name == "first visit":
                        # The snapshot stored and the service worker holding every file.
                        page.wait_for_function(SETTLED, timeout=240_000)
                        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            context.close()
        browser.close()
    server.shutdown()
    slowed = (
        f"page and worker slowed {args.worker_rate:g}x (SIGSTOP)"
        if args.worker_rate > 1
        else f"page CPU slowed {args.rate:g}x (the worker is not)"
    )
    print(
        f"Chromium headless, {slowed}, {args.mbit:g} Mbit/s down, {args.latency:g} ms;"
        f" {args.rounds} rounds, medians (min-max), from navigation start"
    )
    for name, figures in rows.items():
        print(f"  {name}:")
        for key, values in sorted(figures.items(), key=lambda item: statistics.median(item[1])):
            print(f"    {key:<34} {summary(values)}")
    goals = {"first visit": 7.0, "second visit": 1.5}
    print("Goals:")
    for name, goal in goals.items():
        got = statistics.median(rows[name]["first question answerable"]) / 1000
        verdict = "OK" if got <= goal else "MISSED"
        print(
            f"  first question answerable, {name:<13} {got:5.2f} s   goal <= {goal} s   {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
