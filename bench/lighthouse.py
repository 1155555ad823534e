"""Lighthouse (npm ``lighthouse``, pinned) on the built app, mobile preset, served with gzip.

    python bench/lighthouse.py [--runs 1]      (after `make build`)

Prints the Performance, Accessibility and Best-practices scores, the Total Blocking Time and
Largest Contentful Paint it measured, and every audit that cost points, so what holds a score
down (Pyodide, PyScript or our own code) is named.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.find_browser import chromium_executable  # noqa: E402
from tools.serve import start_server  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices")


def run(url: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(ROOT / "node_modules" / ".bin" / "lighthouse"),
                url,
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless --no-sandbox --disable-gpu",
                "--quiet",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": chromium_executable()},
        )
        data: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
        return data


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not (ROOT / "dist" / "index.html").is_file():
        print("dist/ is missing: run `make build` first", file=sys.stderr)
        return 1
    server, url = start_server(ROOT / "dist")
    scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    tbt, lcp = [], []
    losses: set[str] = set()
    try:
        for _ in range(args.runs):
            report = run(url)
            categories = report["categories"]
            audits = report["audits"]
            assert isinstance(categories, dict) and isinstance(audits, dict)
            for name in CATEGORIES:
                scores[name].append(100 * float(categories[name]["score"]))
                for ref in categories[name]["auditRefs"]:
                    audit = audits[ref["id"]]
                    if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                        losses.add(f"{name}: {audit['id']} ({audit.get('displayValue', '')})")
            tbt.append(float(audits["total-blocking-time"]["numericValue"]))
            lcp.append(float(audits["largest-contentful-paint"]["numericValue"]))
    finally:
        server.shutdown()
    print(f"Lighthouse, mobile preset, {args.runs} run(s), medians:")
    for name, values in scores.items():
        print(f"  {name:<15} {statistics.median(values):5.0f}")
    print(f"  total blocking time {statistics.median(tbt):6.0f} ms")
    print(f"  largest contentful paint {statistics.median(lcp):6.0f} ms")
    print("Audits that cost points:")
    for loss in sorted(losses):
        print(f"  {loss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
