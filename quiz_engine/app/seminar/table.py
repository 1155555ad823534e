"""A table's tablet: the table's number and the answer it agreed on, per question.

No names and no scores: the tablet collects what the table holds up after its discussion and
hands it to the facilitator as a QR code (``payload``). Nothing of the verdict is shown here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...base.model import Quiz
from ...kinds import kind_of
from .payload import MAX_TABLE
from .state import cards, path


@dataclass(frozen=True)
class Sheet:
    quiz: str
    table: int = 0  # 0: not chosen yet
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    handing_in: bool = False  # the QR code is on screen


def set_table(sheet: Sheet, table: int) -> Sheet:
    return replace(sheet, table=table) if 1 <= table <= MAX_TABLE else sheet


def choose(quiz: Quiz, sheet: Sheet, question_id: str, card: str) -> Sheet:
    """Pick a card (again: take it back); a multiple-choice question takes several."""
    question = quiz.question(question_id)
    if question is None or question_id not in path(quiz) or card not in cards(question):
        return sheet
    now = sheet.answers.get(question_id, ())
    if not kind_of(question).one_answer:
        picked = tuple(c for c in cards(question) if (c in now) != (c == card))
    else:
        picked = () if now == (card,) else (card,)
    answers = {**sheet.answers, question_id: picked}
    if not picked:
        del answers[question_id]
    return replace(sheet, answers=answers, handing_in=False)


def hand_in(sheet: Sheet, shown: bool) -> Sheet:
    """Show the QR code (only once the table has a number), or go back to the answers."""
    return replace(sheet, handing_in=shown and sheet.table > 0)


def answered(quiz: Quiz, sheet: Sheet) -> int:
    return sum(1 for q in path(quiz) if sheet.answers.get(q))
