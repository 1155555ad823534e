"""Export the question bank for Moodle (and KS Læring): GIFT text or Moodle XML.

``export(content, "gift", "nb")`` gives the whole bank; pass ``quiz`` for one quiz. Each format
module holds a table from our kind of question to a small function (``WRITERS``); the grades
for the options are in ``grades``, what both formats share in ``common``.

Only the command line imports this package; ``quiz_engine/__init__.py`` leaves it out so the
browser never loads it (nor ``xml.etree``).
"""

from __future__ import annotations

from ..base.model import Content, Quiz
from ..base.names import LANGUAGES
from .common import Context
from .gift import to_gift
from .moodle_xml import to_moodle_xml

__all__ = ["FORMATS", "export"]

FORMATS = {"gift": to_gift, "moodle-xml": to_moodle_xml}


def export(content: Content, fmt: str, lang: str, quiz: Quiz | None = None) -> str:
    """The bank (or one quiz) in ``fmt`` ("gift" or "moodle-xml") and ``lang`` ("nb" or "nn")."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    quizzes = content.quizzes if quiz is None else (quiz,)
    return FORMATS[fmt](Context(content, lang), quizzes)
