"""Every placeholder the editor offers passes the checker, in both languages, with and without
a kommune's settings, and names a setting the checker knows."""

from __future__ import annotations

from typing import Any

import pytest

from quiz_engine.content.placeholders import NAMES, resolve
from quiz_engine.editor.snippets import SNIPPETS, snippet, toolbar

SETTINGS = {name: f"<{name}>" for name in NAMES}


@pytest.mark.parametrize("name", SNIPPETS)
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_each_snippet_resolves_in_the_neutral_edition_and_in_a_kommunes(
    catalogues: Any, name: str, lang: str
) -> None:
    text = snippet(catalogues, name, lang)
    neutral, local = resolve(text, {}), resolve(text, SETTINGS)
    assert neutral and "{" not in neutral
    assert "<" in local  # the kommune's own value is used


def test_the_toolbar_offers_each_snippet_for_both_languages(catalogues: Any) -> None:
    bar = str(toolbar(catalogues["nb"], catalogues))
    assert bar.count("data-insert-nb=") == bar.count("data-insert-nn=") == len(SNIPPETS)
    assert "{kommune|kommunen}" in bar
