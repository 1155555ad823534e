"""The SCORM package build: module renaming for Moodle's file types, and its command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from web.build.scorm import main, rename_modules


def test_modules_become_js_and_every_reference_follows(tmp_path: Path) -> None:
    (tmp_path / "pyodide").mkdir()
    (tmp_path / "start.mjs").write_text('import "./names.mjs"; import("./pyodide/snapshot.mjs");')
    (tmp_path / "names.mjs").write_text("export const A = 1;")
    (tmp_path / "pyodide" / "snapshot.mjs").write_text('import "./pyodide.mjs"; x.asm.mjs')
    (tmp_path / "pyodide" / "pyodide.mjs").write_text("`${u}pyodide.asm.mjs` micropython.mjs")
    (tmp_path / "pyodide" / "pyodide.asm.mjs").write_text("")
    (tmp_path / "index.html").write_text('<script type="module" src="./start.mjs"></script>')
    assert rename_modules(tmp_path) == 5
    assert sorted(p.name for p in tmp_path.rglob("*.mjs")) == []
    assert (tmp_path / "start.js").read_text() == (
        'import "./names.js"; import("./pyodide/snapshot.js");'
    )
    # Only names of files that exist change: micropython.mjs (not shipped) and x.asm.mjs stay.
    assert (tmp_path / "pyodide" / "pyodide.js").read_text() == (
        "`${u}pyodide.asm.js` micropython.mjs"
    )
    assert (tmp_path / "pyodide" / "snapshot.js").read_text() == 'import "./pyodide.js"; x.asm.mjs'
    assert 'src="./start.js"' in (tmp_path / "index.html").read_text()


def test_an_unknown_quiz_names_the_ones_there_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--out", str(tmp_path), "--quizzes", "lillevik,finnes-ikke"]) == 2
    message = capsys.readouterr().err
    assert "unknown quiz finnes-ikke" in message and "lillevik" in message
    assert not any(tmp_path.iterdir())
