"""When two copies of one record meet (two tabs of the app on one device), nothing is lost.

Every tab hears of the other tabs' writes (the ``storage`` event, ``shell.mjs``) and merges
what it hears with what it holds. Each merge is symmetric (``merge(a, b) == merge(b, a)``), so
two tabs that hear of each other's writes in any order end with the same record, and the tab
that had something the other lacked writes the merged copy back. What cannot be merged is set
aside (``aside:``), never written over.

- A quiz's session is an append-only history: the common beginning, then the events only one
  tab has, then those only the other has (in a fixed order), so two answers given in the same
  instant in two tabs are both kept; drafts are joined.
- A seminar (the projector's tab counting cards, the reader's tab adding tables): every table
  that either tab holds; the count of a card is the larger one; the step, the timer and the
  controls are those of the tab that moved them.
- A table's sheet: every question that either tab answered.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import TypeVar

from ..base.errors import SavedStateError
from ..base.model import Quiz
from ..run.play import Play, play_of
from ..run.saved_format import check_session, session_to_json
from ..run.session import Session
from .seminar.state import Seminar
from .seminar.table import Sheet
from .seminar.timer import Timer

T = TypeVar("T")


def merge_sessions(quiz: Quiz, mine: Session, theirs: Session) -> tuple[Play, Session | None]:
    """The play both tabs go on with, and the copy set aside when the two cannot be merged
    (two different starts of the quiz: the one with more history goes on)."""
    if mine == theirs:
        return play_of(quiz, mine), None
    if (mine.quiz, mine.behaviour, mine.seed) == (theirs.quiz, theirs.behaviour, theirs.seed):
        common = 0
        for a, b in zip(mine.history, theirs.history, strict=False):
            if a != b:
                break
            common += 1
        ours, others = mine.history[common:], theirs.history[common:]
        first, second = sorted((ours, others), key=lambda h: _key(quiz, h))
        drafts = _joined(dict(mine.drafts), dict(theirs.drafts))
        merged = dataclasses.replace(
            mine,
            history=(*mine.history[:common], *first, *second),
            drafts=tuple(sorted(drafts.items())),
        )
        try:
            return Play(merged, check_session(quiz, merged)), None
        except SavedStateError:
            pass
    winner, loser = sorted(
        (mine, theirs),
        key=lambda s: (len(s.history), session_to_json(s)),
        reverse=True,
    )
    return play_of(quiz, winner), loser


def _key(quiz: Quiz, history: tuple[object, ...]) -> str:
    return json.dumps([repr(e) for e in history])


def _joined(mine: dict[str, str], theirs: dict[str, str]) -> dict[str, str]:
    """Both tabs' drafts; where both typed into one reflection, the longer text (then the
    later in sort order)."""
    out = dict(mine)
    for key, text in theirs.items():
        out[key] = max(out.get(key, text), text, key=lambda t: (len(t), t))
    return out


def merge_seminars(base: Seminar | None, mine: Seminar, theirs: Seminar) -> Seminar:
    """Two tabs' copies of one seminar; ``base`` is the copy both last agreed on."""
    if mine == theirs:
        return theirs
    counts: dict[str, dict[str, int]] = {}
    for question in {*mine.counts, *theirs.counts}:
        a, b = mine.counts.get(question, {}), theirs.counts.get(question, {})
        counts[question] = {card: max(a.get(card, 0), b.get(card, 0)) for card in {*a, *b}}
    tables = dict(mine.tables)
    for number, answers in theirs.tables.items():
        tables[number] = _pick(
            base.tables.get(number) if base else None, tables.get(number), answers, _dump
        )
    moved = _pick(_moves(base) if base else None, _moves(mine), _moves(theirs), _dump)
    step, timer, controls = moved
    return dataclasses.replace(
        theirs, counts=counts, tables=tables, step=step, timer=timer, controls=controls
    )


def merge_sheets(base: Sheet | None, mine: Sheet, theirs: Sheet) -> Sheet:
    """Two tabs' copies of one table's sheet: every question either tab answered."""
    if mine == theirs:
        return theirs
    answers = dict(mine.answers)
    for question, cards in theirs.answers.items():
        answers[question] = _pick(
            base.answers.get(question) if base else None, answers.get(question), cards, _dump
        )
    table = _pick(base.table if base else None, mine.table, theirs.table, _dump)
    shown = _pick(base.handing_in if base else None, mine.handing_in, theirs.handing_in, _dump)
    return dataclasses.replace(theirs, answers=answers, table=table, handing_in=shown)


def _moves(seminar: Seminar) -> tuple[int, Timer, bool]:
    return (seminar.step, seminar.timer, seminar.controls)


def _pick(base: T | None, mine: T | None, theirs: T, order: Callable[[object], str]) -> T:
    """The value a field ends with: the one that moved away from ``base``; when both did (or
    there is no base), the same one in either tab (by ``order``)."""
    if mine is None or mine in (theirs, base):
        return theirs
    if theirs == base:
        return mine
    return max(mine, theirs, key=order)


def _dump(value: object) -> str:
    return repr(value)


__all__ = ["merge_seminars", "merge_sessions", "merge_sheets"]
