"""UI strings, looked up by key in one catalogue per language (compiled from the .po files)."""

from __future__ import annotations

from collections.abc import Mapping


class Catalogue:
    """The UI strings of one language: ``t("question.count", n=2, total=5)``."""

    def __init__(self, lang: str, entries: Mapping[str, str]) -> None:
        self.lang = lang
        self.entries = dict(entries)

    def __call__(self, key: str, **values: object) -> str:
        template = self.entries.get(key)
        if template is None:
            raise KeyError(f"no UI string {key!r} in the {self.lang} catalogue")
        return template.format(**values) if values else template
