"""UI strings: both languages have the same keys, and every key a view uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from web.build.catalogues import read_catalogues

ENGINE = Path(__file__).resolve().parents[2] / "quiz_engine"
WEB = Path(__file__).resolve().parents[2] / "web"


def test_bokmal_and_nynorsk_have_the_same_keys() -> None:
    cats = read_catalogues()
    assert set(cats) == {"nb", "nn"}
    assert set(cats["nb"]) == set(cats["nn"])
    assert len(cats["nb"]) > 80


def test_placeholders_match_between_languages() -> None:
    cats = read_catalogues()
    for key, text in cats["nb"].items():
        assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", cats["nn"][key])), (
            key
        )


def test_every_key_used_in_code_exists() -> None:
    keys = set(read_catalogues()["nb"])
    used = set()
    for path in [*ENGINE.rglob("*.py"), *WEB.rglob("*.py")]:
        used |= set(re.findall(r'\bt\("([a-z_]+\.[a-z_0-9.]+)"', path.read_text(encoding="utf-8")))
    assert used, "the pattern found no keys"
    assert used <= keys, used - keys
