"""The quiz engine: content format, grading, sessions, scoring and views. Standard library only.

Runs unchanged on CPython (tests, build, command line) and in Pyodide in the browser; it never
imports ``js``, ``pyscript`` or ``pyodide``.
"""

from .bundle import content_from_json, content_to_json
from .errors import ContentError, Problem, SavedStateError
from .kinds import Grade, Response, grade
from .loader import check_content, load_content
from .model import Content, Option, Question, Quiz, Text
from .progress import Progress, progress
from .routing import Route, href, parse_route
from .scoring import Result, cbm_mark, result
from .session import (
    MoveError,
    Session,
    State,
    answer,
    can_answer,
    can_finish,
    feedback_visible,
    finish,
    may_show,
    replay,
    reset,
    retry,
    save_draft,
    start,
)
from .session_json import check_session, session_from_json, session_to_json
from .strings import Catalogue
from .views.context import Screen, ViewContext
from .views.screens import render

__all__ = [
    "Catalogue",
    "Content",
    "ContentError",
    "Grade",
    "MoveError",
    "Option",
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
