"""Every picture the README and the guides show is in the repository (not only on this disk:
``docs/screenshots/`` is ignored by git except for the files it names)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.(?:png|jpe?g|svg))\)")


@pytest.mark.parametrize("doc", ["README.md", "docs/authoring.md", "docs/kommune.md"])
def test_every_picture_a_document_shows_is_tracked(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    base = (ROOT / doc).parent
    pictures = {
        (base / link).resolve().relative_to(ROOT).as_posix() for link in PICTURE.findall(text)
    }
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", *sorted(pictures)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert sorted(pictures - set(listed)) == []
