"""docs/kommune.md cannot go stale: every key the code accepts is documented, every snippet in
it is a settings file that builds, the full example is the real one, and the quoted refusals
are what the build really says (the way sqlite-utils tests its documentation)."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from quiz_engine.content.kommune import KEYS
from web.build.site import edition_content

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "kommune.md"
EXAMPLE = ROOT / "examples" / "fjellvik"
TEXT = GUIDE.read_text(encoding="utf-8")
MARKED = re.compile(r"<!-- (example|messages): (\S+) -->\n```[a-z]*\n(.*?)^```$", re.S | re.M)
SNIPPETS = re.findall(r"^```toml\n(.*?)^```$", TEXT, re.S | re.M)


def marked(kind: str) -> dict[str, str]:
    return {m.group(2): m.group(3) for m in MARKED.finditer(TEXT) if m.group(1) == kind}


def test_every_key_the_code_accepts_is_documented_and_nothing_else() -> None:
    accepted = {f"{section}.{key}" for section, keys in KEYS.items() for key in keys}
    headings = re.findall(r"^### (.+)$", TEXT, re.M)
    documented = {key for heading in headings for key in re.findall(r"`([a-z_.]+)`", heading)}
    assert len(accepted) >= 20
    assert documented == accepted


def test_the_guide_holds_the_example_edition_verbatim() -> None:
    path = "examples/fjellvik/kommune.toml"
    assert marked("example") == {path: (ROOT / path).read_text(encoding="utf-8")}


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.split("\n")[0][:40])
def test_every_snippet_is_a_settings_file_that_builds(snippet: str, tmp_path: Path) -> None:
    data = tomllib.loads(snippet)
    if "kommune" not in data:
        snippet = '[kommune]\nname = "Fjellvik kommune"\n\n' + snippet
    shutil.copyfile(EXAMPLE / "fjellvik.svg", tmp_path / "fjellvik.svg")
    shutil.copytree(EXAMPLE / "scenarios", tmp_path / "scenarios")
    (tmp_path / "kommune.toml").write_text(snippet, encoding="utf-8")
    settings, content = edition_content(ROOT / "scenarios", tmp_path / "kommune.toml")
    assert settings is not None and settings.edition.name and content.quizzes


def test_there_is_a_snippet_for_every_section() -> None:
    sections = {header for s in SNIPPETS for header in re.findall(r"^\[([a-z_.]+)\]$", s, re.M)}
    assert sections == set(KEYS)


def test_the_quoted_refusals_are_real() -> None:
    blocks = marked("messages")
    assert list(blocks) == ["tests/data/invalid/kommune"]
    real = {
        line
        for expected in (ROOT / "tests/data/invalid/kommune").glob("*/kommune.expected")
        for line in expected.read_text(encoding="utf-8").splitlines()
    }
    quoted = blocks["tests/data/invalid/kommune"].splitlines()
    assert len(quoted) >= 3
    assert [line for line in quoted if line not in real] == []


def test_the_authoring_guide_names_every_placeholder() -> None:
    from quiz_engine.content.placeholders import NAMES

    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = guide[guide.index("## 15. Placeholders") :]
    assert [name for name in NAMES if f"`{name}`" not in section] == []
