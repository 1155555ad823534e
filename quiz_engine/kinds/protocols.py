"""What a kind is given by the layers above it: words to draw with, and a reader of files.

Protocols instead of the real types, so that a kind never imports upwards: the views'
``ViewContext`` (``views/``) gives the words, and the content's ``Reader`` (``content/``, which
only builds) reads the file. Both fit these by their shape.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from ..base.errors import KeyPath, Table
from ..base.model import Text


class Catalogue(Protocol):
    """The UI strings of one language: ``t("question.count", n=2, total=5)``."""

    def __call__(self, key: str, **values: object) -> str: ...


class Words(Protocol):
    """The UI strings and the content's language, which is all a kind needs to draw."""

    @property
    def t(self) -> Catalogue: ...

    def text(self, text: Text) -> str: ...


class Reader(Protocol):
    """Typed reading of a parsed TOML table that records problems instead of stopping."""

    def problem(self, path: KeyPath, message: str) -> None: ...

    def known_keys(self, data: Table, path: KeyPath, allowed: Collection[str]) -> None: ...

    def string(self, data: Table, path: KeyPath, key: str, what: str = ...) -> str | None: ...

    def identifier(self, data: Table, path: KeyPath, key: str = ...) -> str | None: ...

    def fraction(self, data: Table, path: KeyPath, key: str) -> float | None: ...

    def boolean(self, data: Table, path: KeyPath, key: str, default: bool) -> bool: ...

    def tables(self, data: Table, path: KeyPath, key: str, what: str) -> list[Table]: ...

    def text(self, data: Table, path: KeyPath, key: str, required: bool = ...) -> Text | None: ...
