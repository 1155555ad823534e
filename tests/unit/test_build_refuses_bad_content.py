"""`python -m web.build` refuses bad content: every problem on stderr, status 1, and the output
folder left exactly as it was (not created when missing, untouched when present)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "valid" / "example"
INVALID = ROOT / "tests" / "data" / "invalid"
BROKEN = ("missing_nynorsk", "unknown_key")  # three problems between them


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for name in ("topics.toml", "sources.toml"):
        shutil.copyfile(EXAMPLE / name, folder / name)
    for stem in BROKEN:
        shutil.copyfile(INVALID / f"{stem}.toml", folder / f"{stem}.toml")
    return folder


def expected_lines() -> list[str]:
    """The .expected messages, with the path the build shows for our copies (it names files
    relative to the working directory, which is the copies' parent)."""
    lines = []
    for stem in BROKEN:
        for line in (INVALID / f"{stem}.expected").read_text(encoding="utf-8").splitlines():
            assert line.startswith("tests/data/invalid/"), line
            lines.append("content/" + line.removeprefix("tests/data/invalid/"))
    return lines


def run_build(content: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "web.build", "--out", str(out), "--content", content.name],
        cwd=content.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (
            p.read_bytes() if p.is_file() else b"",
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
    }


def check_refused(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    expected = expected_lines()
    assert sorted(lines[:-1]) == sorted(expected), done.stderr
    assert lines[-1].startswith(f"{len(expected)} problem(s) in the content."), lines[-1]


def test_bad_content_creates_no_output_folder(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    check_refused(run_build(content, out))
    assert not out.exists()


def test_bad_content_leaves_an_existing_site_untouched(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "pyodide").mkdir(parents=True)
    (out / "index.html").write_text("<!doctype html><title>the deployed site</title>\n")
    (out / "pyodide" / "pyodide.mjs").write_bytes(b"export {};\n")
    before = tree(out)
    check_refused(run_build(content, out))
    assert tree(out) == before
