"""The state of one seminar session: where the room is, the show of cards, the timer.

Plain values and pure moves (``forward(quiz, seminar) -> seminar``). The steps of a quiz are
its story, then each question twice: asked (no answer on screen) and revealed (the verdict,
the explanation and the sources), then the summary. The path through a branching scenario is
the assessed one: the room discusses every choice, the story follows the best.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...base.model import Question, Quiz
from ...run.flow import walk
from . import timer as clock
from .timer import Timer

STORY, ASK, REVEAL, SUMMARY = "story", "ask", "reveal", "summary"
MAX_COUNT = 999


@dataclass(frozen=True)
class Step:
    kind: str
    question: str = ""  # the question's id for ASK and REVEAL


@dataclass(frozen=True)
class Seminar:
    """One room's session on the facilitator's device. Never mutated: moves return a new one."""

    quiz: str
    step: int = 0
    # Cards counted by hand: question id -> card id -> count.
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    # What each table handed in by QR: table number -> question id -> card ids.
    tables: dict[int, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    timer: Timer = field(default_factory=Timer)
    blank: bool = False
    controls: bool = True


def path(quiz: Quiz) -> tuple[str, ...]:
    """The questions in the order the room sees them (branching: the best choice's branch)."""
    return walk(quiz, lambda _question: None)


def steps(quiz: Quiz) -> tuple[Step, ...]:
    asked = [Step(kind, q) for q in path(quiz) for kind in (ASK, REVEAL)]
    return (Step(STORY), *asked, Step(SUMMARY))


def step_of(quiz: Quiz, seminar: Seminar) -> Step:
    all_steps = steps(quiz)
    return all_steps[max(0, min(seminar.step, len(all_steps) - 1))]


def cards(question: Question) -> tuple[str, ...]:
    """What the room can hold up: the three lights, or the options in file order (A, B, ...);
    nothing for a reflection."""
    return tuple(o.id for o in question.options)


def verdict(question: Question) -> tuple[str, ...]:
    """The assessed answer: the cards with full credit (or every right option of a multiple)."""
    return tuple(o.id for o in question.options if o.correct)


# -- moves ---------------------------------------------------------------------------------


def go_to(quiz: Quiz, seminar: Seminar, step: int) -> Seminar:
    last = len(steps(quiz)) - 1
    return replace(seminar, step=max(0, min(step, last)), blank=False)


def forward(quiz: Quiz, seminar: Seminar) -> Seminar:
    return go_to(quiz, seminar, seminar.step + 1)


def back(quiz: Quiz, seminar: Seminar) -> Seminar:
    return go_to(quiz, seminar, seminar.step - 1)


def count(quiz: Quiz, seminar: Seminar, question_id: str, card: str, delta: int) -> Seminar:
    """One card more or fewer, counted by hand; never below zero, unknown cards ignored."""
    question = quiz.question(question_id)
    if question is None or card not in cards(question) or question_id not in path(quiz):
        return seminar
    mine = dict(seminar.counts.get(question_id, {}))
    mine[card] = max(0, min(MAX_COUNT, mine.get(card, 0) + (1 if delta > 0 else -1)))
    return replace(seminar, counts={**seminar.counts, question_id: mine})


def hand_in(seminar: Seminar, table: int, answers: dict[str, tuple[str, ...]]) -> Seminar:
    """A table's answers; a table that hands in again replaces what it handed in before."""
    return replace(seminar, tables={**seminar.tables, table: dict(answers)})


def toggle_blank(seminar: Seminar) -> Seminar:
    return replace(seminar, blank=not seminar.blank)


def show_controls(seminar: Seminar, shown: bool) -> Seminar:
    return replace(seminar, controls=shown, blank=False)


def with_timer(seminar: Seminar, timer: Timer) -> Seminar:
    return replace(seminar, timer=timer)


KEYS = {"PageDown": "forward", "PageUp": "back", "b": "blank", "B": "blank", ".": "blank"}


def key(quiz: Quiz, seminar: Seminar, name: str) -> Seminar:
    """A key from the keyboard or a presenter remote. A blank screen comes back on any of them
    first (as a presentation program does), without moving."""
    if name == "Escape":
        return show_controls(seminar, True)
    move = KEYS.get(name)
    if move is None:
        return seminar
    if seminar.blank or move == "blank":
        return toggle_blank(seminar)
    return forward(quiz, seminar) if move == "forward" else back(quiz, seminar)


def timer_move(seminar: Seminar, move: str, now: int, seconds: int = 0) -> Seminar:
    t = seminar.timer
    moved = {
        "start": lambda: clock.start(t, now),
        "pause": lambda: clock.pause(t, now),
        "reset": lambda: clock.reset(t),
        "restart": lambda: clock.start(clock.reset(t), now),
        "set": lambda: clock.set_length(seconds),
    }.get(move)
    return with_timer(seminar, moved()) if moved else seminar


# -- what the room said --------------------------------------------------------------------


def tally(quiz: Quiz, seminar: Seminar, question_id: str) -> dict[str, int]:
    """Cards per card id: counted by hand plus every table's answer."""
    question = quiz.question(question_id)
    if question is None:
        return {}
    out = {card: seminar.counts.get(question_id, {}).get(card, 0) for card in cards(question)}
    for answers in seminar.tables.values():
        for card in answers.get(question_id, ()):
            if card in out:
                out[card] += 1
    return out


@dataclass(frozen=True)
class Row:
    """One line of the summary: what the room held up next to the assessment."""

    question: Question
    tally: dict[str, int]
    verdict: tuple[str, ...]
    total: int
    agreeing: int  # cards on an assessed answer

    @property
    def disagrees(self) -> bool:
        """The room's most shown card is not the assessed one (the discussion to have)."""
        if not self.total:
            return False
        top = max(self.tally.values())
        return not any(self.tally[c] == top for c in self.verdict if c in self.tally)


def summary(quiz: Quiz, seminar: Seminar) -> tuple[Row, ...]:
    rows = []
    for question_id in path(quiz):
        question = quiz.question(question_id)
        if question is None or not cards(question):
            continue
        counted = tally(quiz, seminar, question_id)
        right = verdict(question)
        rows.append(
            Row(
                question,
                counted,
                right,
                sum(counted.values()),
                sum(counted.get(c, 0) for c in right),
            )
        )
    return tuple(rows)
