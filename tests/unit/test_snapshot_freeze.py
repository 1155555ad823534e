"""The start-up snapshot holds every engine module the worker imports, so a warm start never
compiles one of them (a module left out costs its compile on every start, silently); and it
holds nothing that only builds (the content reader, the exports, TOML): neither app.zip nor the
snapshot carries what the tablet never runs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quiz_engine import content_to_json, load_content
from quiz_engine.base.names import BUILD_ONLY
from web.build.app_zip import shipped_engine_files
from web.build.catalogues import read_catalogues

ROOT = Path(__file__).resolve().parents[2]
ENTRY = "quiz_engine.app"
BUILD_ONLY_MODULES = (
    *(f"quiz_engine.{name.removesuffix('.py')}" for name in BUILD_ONLY),
    "tomllib",
    "argparse",
    "xml",
)


def frozen() -> set[str]:
    snapshot = (ROOT / "web" / "app" / "templates" / "snapshot.mjs").read_text(encoding="utf-8")
    freeze = snapshot.split("const FREEZE = `", 1)[1].split("`;", 1)[0]
    return {
        name.strip()
        for line in re.findall(r"^import (.+)$", freeze, re.M)
        for name in line.split(",")
    }


def modules_of_the_entry() -> list[str]:
    """Every module loaded by importing the worker's entry point, in a fresh interpreter."""
    code = f"import json, sys; import {ENTRY}; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout))


def test_the_worker_imports_the_engine_through_one_entry_point() -> None:
    worker = (ROOT / "web" / "app" / "worker.py").read_text(encoding="utf-8")
    imported = set(re.findall(r"^(?:from|import) (quiz_engine[\w.]*)", worker, re.M))
    assert imported == {ENTRY}


def test_every_module_the_worker_imports_is_frozen_into_the_snapshot() -> None:
    assert ENTRY in frozen()


def test_the_snapshot_holds_no_module_that_only_builds() -> None:
    loaded = modules_of_the_entry()
    assert "quiz_engine.app.launch" in loaded and "quiz_engine.views.screens" in loaded
    build_only = [m for m in loaded if m.startswith(BUILD_ONLY_MODULES)]
    assert build_only == []
    assert not [m for m in frozen() if m.startswith(BUILD_ONLY_MODULES)]


def test_app_zip_ships_what_the_entry_imports_and_nothing_that_only_builds() -> None:
    engine = ROOT / "quiz_engine"
    shipped = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in shipped_engine_files()
    }
    assert not [m for m in shipped if m.startswith(BUILD_ONLY_MODULES)]
    loaded = {m for m in modules_of_the_entry() if m.startswith("quiz_engine")}
    assert loaded <= shipped
    assert (engine / "content" / "loader.py").is_file()  # the selection above is not empty


def freeze_code(home: Path) -> str:
    snapshot = (ROOT / "web" / "app" / "templates" / "snapshot.mjs").read_text(encoding="utf-8")
    return snapshot.split("const FREEZE = `", 1)[1].split("`;", 1)[0].replace("${HOME}", str(home))


def test_the_snapshot_holds_the_content_read_once_and_the_worker_uses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FREEZE reads the files of app.zip into FROZEN_APP; worker.py, run in the same globals
    (PyScript runs it in __main__), starts from it and never opens a file: a warm start needs
    neither app.zip nor its parsing. The first screen is the same as from the files."""
    from web.build.app_zip import write_app_zip

    strings = json.dumps(read_catalogues())
    bundle = content_to_json(load_content([ROOT / "scenarios"]))
    write_app_zip(tmp_path / "app.zip", {"bundle.json": bundle, "strings.json": strings})
    with zipfile.ZipFile(tmp_path / "app.zip") as zf:
        zf.extractall(tmp_path / "home", [n for n in zf.namelist() if n.endswith(".json")])
    worker = (ROOT / "web" / "app" / "worker.py").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def first_screen(namespace: dict[str, object]) -> str:
        exec(worker, namespace)
        begin = namespace["begin"]
        assert callable(begin)
        return str(begin("{}", True, 0, "#/s/lillevik"))

    frozen: dict[str, object] = {"__name__": "__main__"}
    exec(freeze_code(tmp_path / "home"), frozen)
    assert type(frozen["FROZEN_APP"]).__name__ == "Prepared"
    os.chdir(tmp_path)  # no files where the worker would look
    from_snapshot = first_screen(frozen)
    os.chdir(tmp_path / "home")
    from_files = first_screen({"__name__": "__main__"})
    assert from_snapshot == from_files and "lillevik" in from_files
