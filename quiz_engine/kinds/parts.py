"""Small pieces several kinds use while reading a file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base.model import Text

if TYPE_CHECKING:
    from ..base.errors import KeyPath
    from .protocols import Reader

# Stands in for a text that is missing (the reader has already recorded the problem).
PLACEHOLDER = Text("", "")


def check_unique(reader: Reader, path: KeyPath, key: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for n, item_id in enumerate(ids, start=1):
        if item_id and item_id in seen:
            reader.problem(
                (*path, key, n), f'the id "{item_id}" is used twice in this question. Rename one.'
            )
        seen.add(item_id)
