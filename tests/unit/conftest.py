from __future__ import annotations

from pathlib import Path

import pytest

from quiz_engine import Catalogue, Content, load_content
from web.build.catalogues import read_catalogues

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "valid" / "example"


@pytest.fixture(autouse=True)
def _repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Problem messages name files relative to the working directory.
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="session")
def example() -> Content:
    return load_content([EXAMPLE])


@pytest.fixture(scope="session")
def catalogues() -> dict[str, Catalogue]:
    return {lang: Catalogue(lang, entries) for lang, entries in read_catalogues().items()}
