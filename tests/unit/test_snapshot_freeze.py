"""The start-up snapshot holds every engine module the worker imports, so a warm start never
compiles one of them (a module left out costs its compile on every start, silently)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_module_the_worker_imports_is_frozen_into_the_snapshot() -> None:
    worker = (ROOT / "web" / "app" / "worker.py").read_text(encoding="utf-8")
    snapshot = (ROOT / "web" / "app" / "templates" / "snapshot.mjs").read_text(encoding="utf-8")
    freeze = snapshot.split("const FREEZE = `", 1)[1].split("`;", 1)[0]
    frozen = {
        name.strip()
        for line in re.findall(r"^import (.+)$", freeze, re.M)
        for name in line.split(",")
    }
    imported = set(re.findall(r"^from (quiz_engine[\w.]*) import", worker, re.M))
    assert imported, "worker.py imports the engine"
    assert imported - frozen == set()
