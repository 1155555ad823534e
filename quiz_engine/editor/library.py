"""What the editor is shipped with: the app's own content files as texts (to open, and to check
a draft against), and the content they make, checked when the site was built.

The build writes ``library.json`` (every file of ``scenarios/`` by name, and which file holds
which quiz) beside the content bundle; ``library_from_json`` reads both back.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from ..base.bundle import content_from_json
from ..base.errors import Table
from ..base.model import Content, Quiz
from ..content.reader import Reader

LIBRARY_VERSION = 1
TOPICS = "topics.toml"


def is_catalogue(name: str) -> bool:
    """The file name decides what a content file is (docs/authoring.md, section 2)."""
    return name == TOPICS or name.startswith("sources")


@dataclass(frozen=True)
class Library:
    files: Mapping[str, str]  # file name -> its TOML text, as shipped
    content: Content  # what those files make (the neutral edition)
    quiz_files: Mapping[str, str]  # quiz id -> the name of its file
    _parsed: dict[str, Table] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # The catalogues are read once: a draft is checked against them on every keystroke.
        for name, text in self.files.items():
            if is_catalogue(name):
                self._parsed[name] = tomllib.loads(text)

    def catalogues(self, replaced: Collection[str] = ()) -> list[tuple[str, Reader, Table | None]]:
        """The shipped topic and source catalogues, ready for ``check_parsed`` (a new reader
        each time: a check records its problems in them); those a draft brings a file of the
        same name for are left out, as that file would take their place."""
        return [
            (n, Reader(n, self.files[n]), data)
            for n, data in sorted(self._parsed.items())
            if n not in replaced
        ]

    def known(self, except_quiz: str) -> list[tuple[str, Quiz]]:
        """The shipped quizzes a draft's ids must not clash with; a draft with the id of one
        of them is that quiz, rewritten, so it is left out."""
        return [
            (self.quiz_files.get(q.id, q.id), q)
            for q in self.content.quizzes
            if q.id != except_quiz
        ]

    def quiz_text(self, quiz_id: str) -> tuple[str, str] | None:
        name = self.quiz_files.get(quiz_id, "")
        return (name, self.files[name]) if name in self.files else None

    def question_ids(self) -> set[str]:
        return {q.id for quiz in self.content.quizzes for q in quiz.questions}


def library_to_json(files: Mapping[str, str], content: Content) -> str:
    """``library.json``: the files, and for each quiz the file that holds it."""
    quiz_files = {}
    for name, text in files.items():
        if not is_catalogue(name):
            quiz_id = tomllib.loads(text).get("id")
            if isinstance(quiz_id, str) and content.quiz(quiz_id) is not None:
                quiz_files[quiz_id] = name
    data = {
        "version": LIBRARY_VERSION,
        "files": dict(sorted(files.items())),
        "quiz_files": quiz_files,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def library_from_json(library: str, bundle: str) -> Library:
    data = json.loads(library)
    if data.get("version") != LIBRARY_VERSION:
        raise ValueError(f"library version {data.get('version')!r} is not supported")
    return Library(dict(data["files"]), content_from_json(bundle), dict(data["quiz_files"]))
