"""A draft checked by the content checker itself, as ``python -m quiz_engine check`` would check
it beside the app's topics and sources: the same rules, the same messages, the same lines.

The quiz's file is checked as the text it would be saved as (``Draft.text``), with the app's
other quizzes taking part in the checks across files (ids unique in all files). Each problem is
then placed: the screen of the editor it belongs to, and the field nearest its key path.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..base.errors import KeyPath, Problem, Table
from ..base.model import Content, Quiz
from ..content.loader import check_parsed, parse_toml
from ..content.reader import Reader
from .document import get, parse_path, put
from .draft import Draft
from .library import Library


@dataclass(frozen=True)
class Placed:
    """A problem and where the editor shows it: ``file`` is "quiz", "sources" (the quiz's own
    sources file) or "other" (a file opened with it); ``path`` its key path, when it has one."""

    problem: Problem
    file: str
    path: KeyPath | None

    @property
    def question(self) -> int:
        """The question it is about (counting from 1), or 0."""
        path = self.path or ()
        if self.file == "quiz" and len(path) >= 2 and path[0] == "questions":
            return path[1] if isinstance(path[1], int) else 0
        return 0


@dataclass(frozen=True)
class Checked:
    problems: tuple[Placed, ...]
    content: Content | None  # the quiz with the catalogues, when there is no problem
    quiz: Quiz | None

    def in_question(self, position: int) -> list[Placed]:
        return [p for p in self.problems if p.question == position]

    def on_screen(self, screen: str) -> list[Placed]:
        """The problems of the quiz screen ("quiz") or the sources screen ("sources")."""
        return [p for p in self.problems if p.file == screen and p.question == 0]


def check_draft(draft: Draft, library: Library, values: Mapping[str, str] | None = None) -> Checked:
    """Check the draft's quiz and its own sources with the app's catalogues; ``values`` are a
    kommune's settings for its placeholders (its edition's own quiz), else the neutral ones."""
    replaced = {*draft.catalogues, draft.sources_name}
    files = [*library.catalogues(replaced), *_texts(draft.catalogues.items())]
    own: list[tuple[str, Reader, Table | None]] = []
    if draft.sources_text.strip():
        own = _texts([(draft.sources_name, draft.sources_text)])
    quiz = (draft.name, Reader(draft.name, draft.text), draft.doc)
    if draft.doc is None:
        quiz = (draft.name, *parse_toml(draft.name, draft.text))
    content, problems = check_parsed(
        [*files, *own, quiz], values, known=library.known(draft.quiz_id)
    )
    placed = tuple(_place(draft, p) for p in problems)
    return Checked(placed, content, content.quizzes[0] if content and content.quizzes else None)


def check_question(draft: Draft, library: Library, position: int) -> Content | None:
    """The quiz with only its question ``position``, every ``next`` leading to the end: what
    the preview plays when the rest of the draft still has problems."""
    if draft.doc is None:
        return None
    question = get(draft.doc, ("questions", position))
    if not isinstance(question, dict):
        return None
    alone = {k: v for k, v in question.items() if k != "next"}
    for section, items in alone.items():
        if isinstance(items, list) and all(isinstance(i, dict) for i in items):
            alone[section] = [{**i, "next": "end"} if "next" in i else i for i in items]
    single = dataclasses.replace(draft, doc=put(draft.doc, ("questions",), [alone]))
    return check_draft(single, library).content


def _texts(files: Iterable[tuple[str, str]]) -> list[tuple[str, Reader, Table | None]]:
    return [(name, *parse_toml(name, text)) for name, text in files]


def _place(draft: Draft, problem: Problem) -> Placed:
    if problem.file == draft.name:
        kind = "quiz"
    elif problem.file == draft.sources_name:
        kind = "sources"
    else:
        kind = "other"
    return Placed(problem, kind, parse_path(problem.path) if problem.path else ())
