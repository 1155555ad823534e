"""docs/accessibility.md lists exactly the 47 criteria the regulation requires, each once at its
level, and every test it names exists (so the statement a kommune copies cannot drift)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "accessibility.md"

# WCAG 2.1, levels A and AA: 30 and 20 success criteria.
LEVEL_A = [
    "1.1.1",
    "1.2.1",
    "1.2.2",
    "1.2.3",
    "1.3.1",
    "1.3.2",
    "1.3.3",
    "1.4.1",
    "1.4.2",
    "2.1.1",
    "2.1.2",
    "2.1.4",
    "2.2.1",
    "2.2.2",
    "2.3.1",
    "2.4.1",
    "2.4.2",
    "2.4.3",
    "2.4.4",
    "2.5.1",
    "2.5.2",
    "2.5.3",
    "2.5.4",
    "3.1.1",
    "3.2.1",
    "3.2.2",
    "3.3.1",
    "3.3.2",
    "4.1.1",
    "4.1.2",
]
LEVEL_AA = [
    "1.2.4",
    "1.2.5",
    "1.3.4",
    "1.3.5",
    "1.4.3",
    "1.4.4",
    "1.4.5",
    "1.4.10",
    "1.4.11",
    "1.4.12",
    "1.4.13",
    "2.4.5",
    "2.4.6",
    "2.4.7",
    "3.1.2",
    "3.2.3",
    "3.2.4",
    "3.3.3",
    "3.3.4",
    "4.1.3",
]
EXCEPTED = {"1.2.3", "1.2.4", "1.2.5"}  # forskrift om universell utforming av IKT-løsninger § 4


def rows() -> dict[str, str]:
    found: dict[str, str] = {}
    for number, level in re.findall(r"^\| (\d\.\d\.\d+) [^|]*\((AA?)\) \|", DOC.read_text(), re.M):
        assert number not in found, f"{number} is listed twice"
        found[number] = level
    return found


def test_the_document_lists_the_47_criteria_at_their_levels() -> None:
    assert len(LEVEL_A) == 30 and len(LEVEL_AA) == 20
    wanted = {n: "A" for n in LEVEL_A} | {n: "AA" for n in LEVEL_AA}
    wanted = {n: level for n, level in wanted.items() if n not in EXCEPTED}
    assert len(wanted) == 47
    assert rows() == wanted


def test_every_test_the_document_names_exists() -> None:
    text = DOC.read_text()
    named = re.findall(r"`((?:tests/(?:unit|browser)/)?test_\w+\.py)(?:::(\w+))?`", text)
    assert len(named) > 40
    for file, function in named:
        candidates = (
            [ROOT / file]
            if "/" in file
            else [ROOT / "tests" / d / file for d in ("browser", "unit")]
        )
        found = [path for path in candidates if path.is_file()]
        assert found, f"{file} does not exist"
        if function:
            assert any(f"def {function}(" in p.read_text() for p in found), f"{file}::{function}"
