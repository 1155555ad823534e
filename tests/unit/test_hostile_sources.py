"""A source's web address becomes a link under every explanation: only https:// gets in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz_engine import check_content

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "valid" / "example"
GOOD_URL = 'url = "https://lovdata.no/lov/1967-02-10/§6"'
MESSAGE = 'the web address must start with "https://".'


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "http://lovdata.no/",
        "//lovdata.no/",
        "lovdata.no",
    ],
)
def test_a_source_address_that_is_not_https_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    folder = tmp_path / "content"
    shutil.copytree(EXAMPLE, folder)
    sources = folder / "sources.toml"
    text = sources.read_text(encoding="utf-8")
    assert text.splitlines()[5] == GOOD_URL  # line 6, in the first source, fvl-6
    sources.write_text(text.replace(GOOD_URL, f"url = {json.dumps(url)}"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the checker names files relative to the working directory

    content, problems = check_content(["content"])

    assert content is None
    assert [str(p) for p in problems] == [f"content/sources.toml:6: sources.fvl-6.url: {MESSAGE}"]
