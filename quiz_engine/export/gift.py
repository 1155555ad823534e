"""The bank as Moodle GIFT text: one ``$CATEGORY:`` per quiz, its intro, then its questions.

Every text is HTML (``[html]`` once, on the question text; Moodle and gift-pegjs give the
answers and feedback the question's format) and on one line, since a blank line ends a question.
GIFT's special characters are escaped as Moodle's own writer does (``repchar`` in
``question/format/gift/format.php``), so content full of ``~ = # { } :`` reads back unchanged.

GIFT cannot say everything Moodle XML can: no grader information for essays (the key points are
in the general feedback instead), no default mark (an essay gets 1 mark and must be graded by
hand), no category description, and the shuffling of options follows the site's default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..base.model import Question, Quiz
from ..kinds import Export, kind_of
from . import grades
from .common import (
    Context,
    category_path,
    general_feedback,
    idnumber,
    intro_name,
    option_feedback,
    option_label,
    question_name,
)

_SPECIAL = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"}
)


def escape(text: str) -> str:
    r"""Escape GIFT's special characters: ``escape("a=b") == "a\\=b"``; newlines become ``\n``."""
    return text.translate(_SPECIAL).replace("\r", "").replace("\n", "\\n")


def _head(quiz: Quiz, question: Question) -> str:
    name = escape(question_name(quiz, question))
    return f"// [id:{idnumber(quiz, question)}]\n::{name}::"


def _choices(ctx: Context, quiz: Quiz, question: Question, shape: Export) -> str:
    """A multichoice question: ``=`` only for the one right option of a single choice."""
    single = shape.weights == "credit"
    lines = [f"{_head(quiz, question)}[html]{escape(ctx.html(question.prompt))}{{"]
    for option, fraction in zip(question.options, grades.weights(question, shape), strict=True):
        if single and fraction == 1.0:
            mark = "="
        elif fraction == 0.0:
            mark = "~"
        else:
            mark = f"~%{grades.percent(fraction)}%"
        feedback = option_feedback(ctx, option)
        answer = f"\t{mark}{escape(option_label(ctx, option))}"
        lines.append(f"{answer}#{escape(feedback)}" if feedback else answer)
    lines.append(f"\t####{escape(general_feedback(ctx, question))}")
    # What GIFT cannot keep (a branching question's links) is said in a comment above.
    note = f"// {ctx.word(shape.lost)}\n" if shape.lost else ""
    return note + "\n".join([*lines, "}"])


def _essay(ctx: Context, quiz: Quiz, question: Question, shape: Export) -> str:
    # GIFT has no grader information, so the key points are in the general feedback.
    prompt = escape(ctx.html(question.prompt))
    feedback = escape(general_feedback(ctx, question))
    return f"{_head(quiz, question)}[html]{prompt}{{####{feedback}}}"


# What each of Moodle's question types becomes in GIFT; a kind says which it is (``kinds``).
WRITERS: dict[str, Callable[[Context, Quiz, Question, Export], str]] = {
    "multichoice": _choices,
    "essay": _essay,
}


def _question(ctx: Context, quiz: Quiz, question: Question) -> str:
    shape = kind_of(question).export
    return WRITERS[shape.as_type](ctx, quiz, question, shape)


def _category(ctx: Context, quiz: Quiz) -> str:
    # Moodle reads the category line raw (only "\\" becomes "\"), so only backslashes are doubled.
    return f"$CATEGORY: {category_path(ctx, quiz).replace(chr(92), chr(92) * 2)}"


def _intro(ctx: Context, quiz: Quiz) -> str:
    # No answer braces: a description, the case story shown before the questions.
    name = escape(intro_name(quiz))
    return f"// [id:{idnumber(quiz)}]\n::{name}::[html]{escape(ctx.html(quiz.intro))}"


def to_gift(ctx: Context, quizzes: Iterable[Quiz]) -> str:
    """The quizzes as one GIFT file, blocks separated by blank lines."""
    blocks = [f"// {ctx.word('app.name')} ({ctx.lang}): python -m quiz_engine export"]
    for quiz in quizzes:
        blocks += [_category(ctx, quiz), _intro(ctx, quiz)]
        blocks += [_question(ctx, quiz, q) for q in quiz.questions]
    return "\n\n".join(blocks) + "\n"
