"""docs/authoring.md cannot go stale: its worked example and quoted messages are the real ones.

A fenced block right after ``<!-- example: PATH -->`` must be identical to the file at PATH; every
line of the block after ``<!-- messages: FOLDER -->`` must be a line of some ``.expected`` file in
FOLDER (what the checker really prints).
"""

from __future__ import annotations

import re
import textwrap
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "authoring.md"
MARKED_BLOCK = re.compile(r"<!-- (example|messages): (\S+) -->\n```[a-z]*\n(.*?)^```$", re.S | re.M)


def marked_blocks(kind: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for match in MARKED_BLOCK.finditer(GUIDE.read_text(encoding="utf-8")):
        if match.group(1) == kind:
            found.setdefault(match.group(2), []).append(match.group(3))
    return found


EXAMPLE_FILES = ["example.toml", "topics.toml", "sources.toml"]


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_the_guide_holds_the_worked_example_verbatim(name: str) -> None:
    path = f"tests/data/valid/example/{name}"
    blocks = marked_blocks("example").get(path)
    assert blocks and len(blocks) == 1, (
        f"docs/authoring.md needs one <!-- example: {path} --> block"
    )
    expected = (ROOT / path).read_text(encoding="utf-8")
    assert blocks[0] == expected, (
        f"docs/authoring.md no longer matches {path}: copy the file into the guide again"
    )


def test_the_guide_shows_every_example_file() -> None:
    folder = ROOT / "tests/data/valid/example"
    assert sorted(p.name for p in folder.glob("*.toml")) == sorted(EXAMPLE_FILES)
    assert set(marked_blocks("example")) == {
        f"tests/data/valid/example/{name}" for name in EXAMPLE_FILES
    }


def test_the_guides_checker_messages_are_real() -> None:
    blocks = marked_blocks("messages")
    assert list(blocks) == ["tests/data/invalid"]
    real = {
        line
        for expected in (ROOT / "tests/data/invalid").glob("*.expected")
        for line in expected.read_text(encoding="utf-8").splitlines()
    }
    quoted = [line for block in blocks["tests/data/invalid"] for line in block.splitlines()]
    assert len(quoted) >= 2
    assert [line for line in quoted if line not in real] == []


def test_every_toml_snippet_in_the_guide_is_valid_toml() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"^( *)```toml\n(.*?)^\1```$", text, re.S | re.M)
    assert len(blocks) >= 10
    for _, block in blocks:
        tomllib.loads(textwrap.dedent(block))
