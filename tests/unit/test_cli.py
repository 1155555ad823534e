"""``python -m quiz_engine check``: every problem printed, exit status 1 when anything is wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz_engine", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_check_passes_on_valid_content() -> None:
    done = run("check", "tests/data/valid/example")
    assert done.returncode == 0
    assert done.stdout.strip() == "OK: 1 scenarios and topic banks, 5 questions."


def test_check_prints_every_problem_and_fails() -> None:
    done = run(
        "check",
        "tests/data/valid/example/topics.toml",
        "tests/data/valid/example/sources.toml",
        "tests/data/invalid/unknown_key.toml",
        "tests/data/invalid/bands_gap.toml",
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("tests/data/invalid/unknown_key.toml:25: questions[1].promt:")
    assert any(line.startswith("tests/data/invalid/bands_gap.toml:15: bands:") for line in lines)
    assert lines[-1] == "3 problem(s) found. Nothing was changed."


def test_bundle_writes_the_compiled_content(tmp_path: Path) -> None:
    out = tmp_path / "bundle.json"
    assert run("bundle", "tests/data/valid/example", "--out", str(out)).returncode == 0
    from quiz_engine import content_from_json, load_content

    assert content_from_json(out.read_text(encoding="utf-8")) == load_content(
        [ROOT / "tests/data/valid/example"]
    )


def test_export_writes_the_bank_to_stdout() -> None:
    done = run("export", "tests/data/valid/example", "--format", "moodle-xml", "--lang", "nn")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    assert "Døme: Invitasjonen frå byggjefirmaet" in done.stdout
    assert done.stderr == ""


def test_export_checks_the_content_first() -> None:
    done = run(
        "export",
        "tests/data/valid/example/topics.toml",
        "tests/data/valid/example/sources.toml",
        "tests/data/invalid/unknown_key.toml",
        "--format",
        "gift",
        "--lang",
        "nb",
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip().splitlines()[-1] == "2 problem(s) found. Nothing was changed."


def test_export_names_an_unknown_quiz() -> None:
    done = run("export", "tests/data/valid/example", "--format", "gift", "--lang", "nb")
    assert done.returncode == 0
    done = run(
        "export", "tests/data/valid/example", "--format", "gift", "--lang", "nb", "--quiz", "nei"
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == 'no quiz with the id "nei". Known ids: eksempel.\n'


def test_export_refuses_an_unknown_format_or_language() -> None:
    for args in (["--format", "qti", "--lang", "nb"], ["--format", "gift", "--lang", "en"]):
        done = run("export", "tests/data/valid/example", *args)
        assert done.returncode == 2
        assert "invalid choice" in done.stderr
