"""The quiz engine: content format, grading, sessions, scoring and views. Standard library only.

Runs unchanged on CPython (tests, build, command line) and in Pyodide in the browser; it never
imports ``js``, ``pyscript`` or ``pyodide``. The packages are layers, each importing only the
ones below it (``make check`` enforces it, with ``import-linter``):

    site/      the static site, built by a pure function       [build and editor only]
    app/       the app composed of its parts (quiz, seminar, LMS), the worker's entry point
    content/   reading and checking the content files      [build and command line only]
    export/    GIFT and Moodle XML                          [build and command line only]
    views/     pure view functions: state in, escaped HTML out
    run/       behaviours, sessions and their state, scoring, progress, navigation, routes
    kinds/     the kinds of question, one module each, and what an answer earned
    base/      the content model, markup, errors, strings, names, the bundle and the edition

What only builds is never imported here: ``load_content`` and ``check_content`` are loaded on
first use, so the app (and the browser's start-up snapshot) never holds the content reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .base.bundle import content_from_json, content_to_json
from .base.errors import ContentError, Problem, SavedStateError
from .base.model import Content, Option, Question, Quiz, Text
from .base.strings import Catalogue
from .kinds import Attempt, Grade, Response, grade
from .run.fold import State, replay
from .run.play import (
    Play,
    answer,
    can_answer,
    can_finish,
    feedback_visible,
    finish,
    may_show,
    play_of,
    reset,
    retry,
    save_draft,
    start,
)
from .run.progress import Progress, progress
from .run.routing import Route, href, parse_route
from .run.saved_format import check_session, session_from_json, session_to_json
from .run.scoring import Result, cbm_mark, result
from .run.session import MoveError, Session
from .views.context import Screen, ViewContext
from .views.screens import render

if TYPE_CHECKING:
    from .content import check_content, load_content

_BUILD_ONLY = {"check_content", "load_content"}


def __getattr__(name: str) -> Any:
    """``load_content`` and ``check_content``, imported from ``content`` on first use."""
    if name in _BUILD_ONLY:
        from . import content

        return getattr(content, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Attempt",
    "Catalogue",
    "Content",
    "ContentError",
    "Grade",
    "MoveError",
    "Option",
    "Play",
    "Problem",
    "Progress",
    "Question",
    "Quiz",
    "Response",
    "Result",
    "Route",
    "SavedStateError",
    "Screen",
    "Session",
    "State",
    "Text",
    "ViewContext",
    "answer",
    "can_answer",
    "can_finish",
    "cbm_mark",
    "check_content",
    "check_session",
    "content_from_json",
    "content_to_json",
    "feedback_visible",
    "finish",
    "grade",
    "href",
    "load_content",
    "may_show",
    "parse_route",
    "play_of",
    "progress",
    "render",
    "replay",
    "reset",
    "result",
    "retry",
    "save_draft",
    "session_from_json",
    "session_to_json",
    "start",
]
