"""The bank as Moodle XML: a ``<question type="category">`` per quiz, its intro, its questions.

Element names follow Moodle's reader (``question/format/xml/format.php``: ``import_headers``,
``import_multichoice``, ``import_essay``, ``import_category``). Every text is HTML with
``format="html"``; ElementTree escapes it for XML, so Moodle's XML parser hands back the HTML
that ``markup`` built (content escaped once, as text).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable

from ..base.markup import Markup
from ..base.model import Question, Quiz
from ..kinds import Export, kind_of
from . import grades
from .common import (
    Context,
    category_info,
    category_path,
    general_feedback,
    idnumber,
    intro_name,
    key_points,
    option_feedback,
    option_label,
    question_name,
)


def _add(parent: ET.Element, tag: str, value: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if value is not None:
        element.text = value
    return element


def _text(parent: ET.Element, tag: str, value: str, **attrs: str) -> ET.Element:
    """``<tag ...><text>value</text></tag>``, Moodle's wrapper for every text."""
    element = _add(parent, tag, **attrs)
    _add(element, "text", value)
    return element


def _question(
    bank: ET.Element, kind: str, name: str, number: str, text: Markup, feedback: Markup
) -> ET.Element:
    element = _add(bank, "question", type=kind)
    _text(element, "name", name)
    _text(element, "questiontext", text, format="html")
    _text(element, "generalfeedback", feedback, format="html")
    _add(element, "idnumber", number)
    return element


def _common(
    bank: ET.Element, ctx: Context, quiz: Quiz, question: Question, kind: str
) -> ET.Element:
    element = _question(
        bank,
        kind,
        question_name(quiz, question),
        idnumber(quiz, question),
        ctx.html(question.prompt),
        general_feedback(ctx, question),
    )
    # An unscored question (a reflection, by default) is worth nothing in a Moodle quiz either.
    _add(element, "defaultgrade", "1" if question.scored else "0")
    _add(element, "hidden", "0")
    return element


def _choices(bank: ET.Element, ctx: Context, quiz: Quiz, question: Question, shape: Export) -> None:
    # A branching question's links to the next question are lost (the category's info says so).
    element = _common(bank, ctx, quiz, question, "multichoice")
    single = shape.weights == "credit"
    _add(element, "single", "true" if single else "false")
    # The app shuffles options when the quiz says so, but never the lights.
    _add(element, "shuffleanswers", "true" if quiz.shuffle and shape.shuffled else "false")
    _add(element, "answernumbering", "abc" if shape.numbered else "none")
    if not single:
        _add(element, "shownumcorrect")
    for option, fraction in zip(question.options, grades.weights(question, shape), strict=True):
        answer = _text(
            element,
            "answer",
            option_label(ctx, option),
            fraction=grades.percent(fraction),
            format="html",
        )
        _text(answer, "feedback", option_feedback(ctx, option), format="html")


def _essay(bank: ET.Element, ctx: Context, quiz: Quiz, question: Question, shape: Export) -> None:
    # The key points are the grader's information (and in the general feedback).
    element = _common(bank, ctx, quiz, question, "essay")
    _add(element, "responseformat", "editor")
    _add(element, "responserequired", "1")
    _add(element, "responsefieldlines", "10")
    _add(element, "attachments", "0")
    _add(element, "attachmentsrequired", "0")
    _text(element, "graderinfo", key_points(ctx, question), format="html")
    _text(element, "responsetemplate", "", format="html")


# What each of Moodle's question types is written as; a kind says which it is (``kinds``).
WRITERS: dict[str, Callable[[ET.Element, Context, Quiz, Question, Export], None]] = {
    "multichoice": _choices,
    "essay": _essay,
}


def _category(bank: ET.Element, ctx: Context, quiz: Quiz) -> None:
    element = _add(bank, "question", type="category")
    _text(element, "category", category_path(ctx, quiz))
    _text(element, "info", category_info(ctx, quiz), format="html")
    _add(element, "idnumber", quiz.id)


def _intro(bank: ET.Element, ctx: Context, quiz: Quiz) -> None:
    # A description: the case story shown before the questions, worth no marks.
    element = _question(
        bank, "description", intro_name(quiz), idnumber(quiz), ctx.html(quiz.intro), Markup("")
    )
    _add(element, "defaultgrade", "0")
    _add(element, "hidden", "0")


def to_moodle_xml(ctx: Context, quizzes: Iterable[Quiz]) -> str:
    """The quizzes as one Moodle XML file."""
    bank = ET.Element("quiz")
    bank.append(ET.Comment(f" {ctx.word('app.name')} ({ctx.lang}): python -m quiz_engine export "))
    for quiz in quizzes:
        _category(bank, ctx, quiz)
        _intro(bank, ctx, quiz)
        for question in quiz.questions:
            shape = kind_of(question).export
            WRITERS[shape.as_type](bank, ctx, quiz, question, shape)
    ET.indent(bank)
    # Moodle's own exports write <text></text>, never <text />.
    body = ET.tostring(bank, encoding="unicode", short_empty_elements=False)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
