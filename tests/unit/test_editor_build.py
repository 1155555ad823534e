"""The editor's page is built apart from the app's: its zip has the whole engine, tomli-w (with
its licence) and the app's content, its standard library what that imports, its service worker
every file it loads; the app's zip, snapshot and precache hold none of it."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from web.build.app_zip import shipped_engine_files
from web.build.editor import FROM_THE_APP, OWN, STDLIB, build_editor
from web.build.site import PRECACHE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    for name in ("style.css", "icon.svg", *(p.removeprefix("../") for p in FROM_THE_APP)):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("stand-in for the app's own file", encoding="utf-8")
    build_editor(out, ROOT / "scenarios")
    return out / "redaktor"


def test_the_editor_zip_holds_the_engine_tomli_w_and_the_content(built: Path) -> None:
    names = set(zipfile.ZipFile(built / "editor.zip").namelist())
    assert {
        "quiz_engine/editor/app.py",
        "quiz_engine/content/loader.py",
        "quiz_engine/app/launch.py",
    } <= names
    assert {"tomli_w/__init__.py", "tomli_w/_writer.py", "tomli_w/LICENSE"} <= names
    assert {"editor_worker.py", "library.json", "bundle.json", "strings.json"} <= names
    assert "quiz_engine/__main__.py" not in names
    library = json.loads(zipfile.ZipFile(built / "editor.zip").read("library.json"))
    assert library["quiz_files"]["gaver"] == "gaver.toml" and "topics.toml" in library["files"]


def test_its_standard_library_has_what_the_editor_imports_and_not_the_rest(built: Path) -> None:
    names = set(zipfile.ZipFile(built / STDLIB).namelist())
    assert {"tomllib/__init__.py", "datetime.py", "json/__init__.py", "decimal.py"} <= names
    # expat checks a kommune's coat of arms (the edition form); nothing else of xml/.
    assert "xml/parsers/expat.py" in names and "xml/dom/minidom.py" not in names
    assert not any(n.startswith(("unittest/", "tkinter/")) for n in names)


def test_its_service_worker_keeps_every_file_it_loads_and_they_all_exist(built: Path) -> None:
    sw = (built / "sw.js").read_text(encoding="utf-8")
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", sw).group(1))  # type: ignore[union-attr]
    assert files == [*OWN, *FROM_THE_APP]
    for name in files:
        assert name == "./" or (built / name).resolve().is_file(), name
    # Not a "-precache-" name: the app's Workbox worker deletes such caches under its scope.
    prefix = re.search(r"const PREFIX = `([^`$]*)", sw).group(1)  # type: ignore[union-attr]
    assert prefix == "folkevalgt-redaktor-offline:" and "-precache-" not in prefix


def test_the_page_draws_its_start_screen_and_runs_no_inline_script(built: Path) -> None:
    page = (built / "index.html").read_text(encoding="utf-8")
    assert "Rediger en quiz" in page and "Gaver, reiser og bevertning" in page
    assert "'unsafe-eval'" not in page and "frame-src 'self'" in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert not re.search(r"\sstyle=", page)


def test_the_app_ships_nothing_of_the_editor() -> None:
    engine = ROOT / "quiz_engine"
    shipped = [p.relative_to(engine).parts[0] for p in shipped_engine_files()]
    assert "app" in shipped and "editor" not in shipped and "content" not in shipped
    assert not [p for p in PRECACHE if "redaktor" in p]
