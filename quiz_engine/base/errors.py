"""The one error type for content, and the one for saved progress."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Where in a content or settings file: the keys and item numbers from the top of its parsed
# TOML (``("questions", 3, "options", 1)``), and such a parsed table.
PathPart = str | int
KeyPath = tuple[PathPart, ...]
Table = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: where it is and what to do about it."""

    file: str
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        where = f"{place}: {self.path}: " if self.path else f"{place}: "
        return where + self.message


class ContentError(ValueError):
    """Raised when content is invalid. Carries every problem found, first one first.

    ``file``, ``path``, ``line`` and ``message`` describe the first problem, so code that only
    cares about one can read them directly.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("ContentError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def file(self) -> str:
        return self.problems[0].file

    @property
    def path(self) -> str:
        return self.problems[0].path

    @property
    def line(self) -> int | None:
        return self.problems[0].line

    @property
    def message(self) -> str:
        return self.problems[0].message


class SavedStateError(ValueError):
    """Saved progress that cannot be used: damaged, of an unknown version, or for other content."""
