"""Typed reading of parsed TOML tables that records problems instead of stopping at the first.

Each accessor takes the table, the table's key path and a key; when the value is missing or of
the wrong shape it records a problem in words a content editor can act on and returns ``None``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection
from typing import Any

from ..base.errors import KeyPath, Problem, Table
from ..base.model import Text
from ..base.names import LANGUAGES
from .locate import find_line, format_path

LANGUAGE_NAMES = {"nb": "bokmål", "nn": "nynorsk"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Reader:
    """Reads one file's tables and collects its problems."""

    def __init__(self, file: str, source: str) -> None:
        self.file = file
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, path: KeyPath, message: str) -> None:
        line = find_line(self.source, path)
        self.problems.append(Problem(self.file, format_path(path), line, message))

    def known_keys(self, data: Table, path: KeyPath, allowed: Collection[str]) -> None:
        for key in data:
            if key not in allowed:
                choices = ", ".join(sorted(allowed))
                self.problem(
                    (*path, key),
                    f'"{key}" is not a key we know here. Check the spelling; '
                    f"the keys allowed here are: {choices}.",
                )

    def value(self, data: Table, path: KeyPath, key: str, kind: type, what: str) -> Any:
        if key not in data:
            self.problem((*path, key), f'"{key}" is missing. Add {what}.')
            return None
        value = data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problem((*path, key), f'"{key}" must be {what}, not {_show(value)}.')
            return None
        return value

    def string(self, data: Table, path: KeyPath, key: str, what: str = "a text") -> str | None:
        value = self.value(data, path, key, str, what)
        if value is not None and not value.strip():
            self.problem((*path, key), f'"{key}" is empty. Write {what}.')
            return None
        return value if value is None else value.strip()

    def identifier(self, data: Table, path: KeyPath, key: str = "id") -> str | None:
        value = self.string(data, path, key, 'an id in quotes, like "lillevik-ringer"')
        if value is not None and not ID_PATTERN.match(value):
            self.problem(
                (*path, key),
                f'the id "{value}" may only use small letters a-z, digits and dashes '
                '(like "lillevik-ringer"). Change it.',
            )
            return None
        return value

    def integer(self, data: Table, path: KeyPath, key: str, low: int, high: int) -> int | None:
        what = f"a whole number from {low} to {high}"
        value = self.value(data, path, key, int, what)
        if value is not None and not low <= value <= high:
            self.problem((*path, key), f'"{key}" must be {what}, not {value}.')
            return None
        return value  # type: ignore[no-any-return]

    def fraction(self, data: Table, path: KeyPath, key: str) -> float | None:
        what = "a number from 0 to 1 (like 0.5)"
        value = self.value(data, path, key, float, what)
        if value is not None and not 0.0 <= value <= 1.0:
            self.problem((*path, key), f'"{key}" must be {what}, not {value}.')
            return None
        return value  # type: ignore[no-any-return]

    def boolean(self, data: Table, path: KeyPath, key: str, default: bool) -> bool:
        if key not in data:
            return default
        value = self.value(data, path, key, bool, "true or false (without quotes)")
        return default if value is None else bool(value)

    def date(self, data: Table, path: KeyPath, key: str) -> str | None:
        what = "a date without quotes, like 2026-11-23"
        if key not in data:
            self.problem((*path, key), f'"{key}" is missing. Add {what}.')
            return None
        value = data[key]
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value.isoformat()
        self.problem((*path, key), f'"{key}" must be {what}, not {_show(value)}.')
        return None

    def ids(self, data: Table, path: KeyPath, key: str, what: str) -> tuple[str, ...]:
        value = self.value(data, path, key, list, f'a list of {what} ids, like ["a", "b"]')
        if value is None:
            return ()
        if not value or not all(isinstance(v, str) and v for v in value):
            self.problem(
                (*path, key), f'"{key}" must list at least one {what} id in quotes, like ["a"].'
            )
            return ()
        return tuple(value)

    def tables(self, data: Table, path: KeyPath, key: str, what: str) -> list[Table]:
        value = data.get(key)
        header = ".".join([*(p for p in path if isinstance(p, str)), key])
        if value is None or value == []:
            self.problem(
                (*path, key), f"there are no {what}. Add at least one [[{header}]] section."
            )
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem((*path, key), f'"{key}" must be written as [[{header}]] sections.')
            return []
        return value

    def text(self, data: Table, path: KeyPath, key: str, required: bool = True) -> Text | None:
        """Read ``key.nb`` and ``key.nn``; both must be there, and nothing else."""
        if key not in data:
            if required:
                self.problem(
                    (*path, key),
                    f'"{key}" is missing. Add {key}.nb (bokmål) and {key}.nn (nynorsk).',
                )
            return None
        value = data[key]
        if not isinstance(value, dict):
            self.problem(
                (*path, key),
                f'"{key}" must be written once per language: {key}.nb = "…" and {key}.nn = "…".',
            )
            return None
        texts: dict[str, str] = {}
        for lang in value:
            if lang not in LANGUAGES:
                self.problem(
                    (*path, key, lang),
                    f'"{lang}" is not one of our languages. Use only nb (bokmål) and nn (nynorsk).',
                )
        for lang in LANGUAGES:
            name = LANGUAGE_NAMES[lang]
            if lang not in value:
                other = "nn" if lang == "nb" else "nb"
                self.problem(
                    (*path, key, lang),
                    f"the {name} text is missing. Add {key}.{lang} next to {key}.{other}.",
                )
            elif not isinstance(value[lang], str) or not value[lang].strip():
                self.problem((*path, key, lang), f"the {name} text is empty. Write it in {name}.")
            else:
                texts[lang] = _clean(value[lang])
        return Text(texts["nb"], texts["nn"]) if len(texts) == 2 else None


def _clean(text: str) -> str:
    """Trim the text and the blank lines a multi-line string starts with."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a section"
    if isinstance(value, list):
        return "a list"
    return str(value)
