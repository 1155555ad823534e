"""What the LMS hears of each answer: SCORM 1.2 ``cmi.interactions``, one row per question.

Row n is the quiz's n-th question in its file, for every councillor, so the LMS's own report
compares like with like (Moodle's *Interactions* report shows interaction n in column n). Each
row holds, in SCORM 1.2's vocabulary:

- ``id`` the question's id (``lillevik-avvik``) and ``type`` ``choice``;
- ``weighting`` 1 for a question that counts in the score, 0 for one that does not;
- ``correct_responses.0.pattern`` the best answer (a reflection has none);
- ``student_response`` what was chosen: the letters of the options in the file's order (``a``
  is the first, whatever order the screen shuffled them into), comma-separated; a traffic
  light's are ``a`` red, ``b`` yellow, ``c`` green; a reflection's are the key points ticked.
  The text a councillor writes is never in a row;
- ``result`` ``correct``, ``wrong``, partial credit as a decimal (``0.5``), or ``neutral`` for
  a question that does not count;
- ``latency`` the time from the question's first showing in this launch to the answer.

Which answer a row holds: the answer of the first round since the last start-over, which is
what the councillor thought before any retry (a retry round improves the score the LMS gets,
not the rows). A start-over leaves the rows as they are until each question is answered again.

How they are written. SCORM 1.2's interactions are write-only, and an LMS lets a SCO write row
n only when n is below or at ``cmi.interactions._count`` (Moodle answers error 201 otherwise),
so at each launch every row is written in order (its id and type, and the answer when there is
one): the LMS keeps the same rows, and rows another device wrote are only written again. After
that, a move writes only the rows it changed, with the latency of an answer given in this launch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ...base.model import Question, Quiz
from ...kinds import RIGHT, WRONG, Attempt, kind_of
from ...run.fold import replay
from ...run.session import Session

PREFIX = "cmi.interactions."
_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"  # SCORM 1.2: a choice is one of a-z, 0-9


def timespan(ms: int) -> str:
    """A CMITimespan, ``HHHH:MM:SS.SS``: ``timespan(83_450) == "0000:01:23.45"``."""
    cs = max(0, ms) // 10
    hours = min(cs // 360_000, 9999)
    return f"{hours:04d}:{cs % 360_000 // 6000:02d}:{cs % 6000 // 100:02d}.{cs % 100:02d}"


def first_round(quiz: Quiz, session: Session) -> Mapping[str, Attempt]:
    """Each question's answer in the first round since the last start-over."""
    history = session.history
    resets = [n for n, e in enumerate(history) if e.action == "reset"]
    if resets:
        history = history[resets[-1] + 1 :]
    retries = [n for n, e in enumerate(history) if e.action == "retry"]
    if retries:
        history = history[: retries[0]]
    return replay(quiz, dataclasses.replace(session, history=history)).latest


def _items(question: Question) -> tuple[tuple[str, ...], bool]:
    """The ids an answer picks from, in file order, and whether they are key points ticked."""
    if kind_of(question).self_assessed:
        return tuple(p.id for p in question.key_points), True
    return tuple(o.id for o in question.options), False


def letters(items: tuple[str, ...], picked: tuple[str, ...]) -> str:
    """``letters(("red", "yellow", "green"), ("yellow",)) == "b"``, in file order."""
    return ",".join(_LETTERS[n] for n, item in enumerate(items) if item in picked)


def outcome(question: Question, attempt: Attempt) -> str:
    if not question.scored:
        return "neutral"
    if attempt.grade.state == RIGHT:
        return "correct"
    if attempt.grade.state == WRONG:
        return "wrong"
    return f"{attempt.grade.fraction:.2f}".rstrip("0").rstrip(".")  # 0.5, 0.33


def row(n: int, question: Question, attempt: Attempt | None) -> dict[str, str]:
    """Row ``n``'s values (no latency: the sheet adds it)."""
    at = f"{PREFIX}{n}."
    items, ticked = _items(question)
    values = {
        f"{at}id": question.id,
        f"{at}type": "choice",
        f"{at}weighting": "1" if question.scored else "0",
    }
    best = letters(items, tuple(o.id for o in question.options if o.correct))
    if best:
        values[f"{at}correct_responses.0.pattern"] = best
    if attempt is not None:
        response = attempt.response
        values[f"{at}student_response"] = letters(
            items, response.ticked if ticked else response.choices
        )
        values[f"{at}result"] = outcome(question, attempt)
    return values


def rows(quiz: Quiz, session: Session | None) -> dict[str, str]:
    """Every row of ``quiz`` as ``session`` stands, in order."""
    answers = first_round(quiz, session) if session is not None else {}
    out: dict[str, str] = {}
    for n, question in enumerate(quiz.questions):
        out.update(row(n, question, answers.get(question.id)))
    return out


class Sheet:
    """The rows one launch has given the LMS, and when it first showed each question."""

    def __init__(self, quiz: Quiz) -> None:
        self.quiz = quiz
        self.sent: dict[str, str] = {}
        self.shown: dict[str, int] = {}

    def seen(self, question_id: str, now: int) -> None:
        if now > 0:
            self.shown.setdefault(question_id, now)

    def values(self, session: Session | None, now: int = 0) -> dict[str, str]:
        """The rows that differ from what this launch has written: at its first call every
        row; then those a move changed, with the latency of each new answer."""
        first = not self.sent
        current = rows(self.quiz, session)
        changed = {k: v for k, v in current.items() if self.sent.get(k) != v}
        self.sent.update(changed)
        if first:
            return changed
        out: dict[str, str] = {}
        for n, question in enumerate(self.quiz.questions):
            at = f"{PREFIX}{n}."
            mine = {k: v for k, v in changed.items() if k.startswith(at)}
            out.update(mine)
            answered = f"{at}student_response" in mine or f"{at}result" in mine
            shown = self.shown.get(question.id)
            if answered and shown is not None and now >= shown:
                out[f"{at}latency"] = timespan(now - shown)
        return out
