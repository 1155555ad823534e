"""The engine is ruff- and mypy --strict clean (one test run checks everything)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_is_clean_on_the_engine() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "quiz_engine"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean_on_the_engine() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "quiz_engine"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
