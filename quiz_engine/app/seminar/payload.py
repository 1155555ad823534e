"""What a table's tablet puts in its QR code, and how the facilitator's device reads it.

Compact and versioned: ``FQ1;lillevik;3;C.A.-.BD``. ``FQ1`` says what and which version,
then the quiz id, the table's number and one token per question of the seminar's path: the
letters of the cards chosen (A for the first card: for lights red, yellow, green), ``-`` for
none. No names, no scores. A code from another quiz, another version of the content or
another program is refused with a reason the facilitator can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...base.bounded import whole_or_none
from ...base.model import Quiz
from ...kinds import LETTERS, kind_of
from .state import cards, path

VERSION = "FQ1"
MAX_TABLE = 99
MAX_CODE = 3000  # a QR code holds at most 2,953 bytes


class PayloadError(ValueError):
    """Why a code cannot be read: ``reason`` is a UI string's key, ``values`` fill it in."""

    def __init__(self, reason: str, **values: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class Report:
    quiz: str
    table: int
    answers: dict[str, tuple[str, ...]]


def encode(quiz: Quiz, table: int, answers: dict[str, tuple[str, ...]]) -> str:
    """``encode(quiz, 3, {"q1": ("green",)}) == "FQ1;id;3;C.-..."``."""
    tokens = []
    for question_id in path(quiz):
        question = quiz.question(question_id)
        ids = cards(question) if question is not None else ()
        chosen = [LETTERS[ids.index(c)] for c in answers.get(question_id, ()) if c in ids]
        tokens.append("".join(sorted(chosen)) or "-")
    return f"{VERSION};{quiz.id};{table};{'.'.join(tokens)}"


def decode(quiz: Quiz, text: str) -> Report:
    """Read ``text`` (a decoded QR code) for ``quiz``; raises ``PayloadError`` when it can't."""
    if len(text) > MAX_CODE:
        raise PayloadError("seminar.scan_not_ours")
    parts = text.strip().split(";")
    if len(parts) != 4 or not parts[0].startswith("FQ"):
        raise PayloadError("seminar.scan_not_ours")
    if parts[0] != VERSION:
        raise PayloadError("seminar.scan_version")
    quiz_id, table_text, body = parts[1:]
    if quiz_id != quiz.id:
        raise PayloadError("seminar.scan_other_quiz")
    table = whole_or_none(table_text, 1, MAX_TABLE)
    if table is None:
        raise PayloadError("seminar.scan_damaged")
    questions = path(quiz)
    tokens = body.split(".")
    if len(tokens) != len(questions):
        raise PayloadError("seminar.scan_content")
    answers: dict[str, tuple[str, ...]] = {}
    for question_id, token in zip(questions, tokens, strict=True):
        question = quiz.question(question_id)
        ids = cards(question) if question is not None else ()
        if token == "-":
            continue
        letters = [LETTERS.find(ch) for ch in token]
        if any(n < 0 or n >= len(ids) for n in letters) or len(set(letters)) != len(letters):
            raise PayloadError("seminar.scan_content")
        if question is not None and kind_of(question).one_answer and len(letters) > 1:
            raise PayloadError("seminar.scan_content")
        answers[question_id] = tuple(ids[n] for n in sorted(letters))
    return Report(quiz.id, table, answers)
