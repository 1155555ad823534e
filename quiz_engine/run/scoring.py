"""Scores: per question a fraction, per quiz and per topic a percentage, bands and calibration.

Certainty-based marking follows Moodle's CBM (certainty 1/2/3: right gives 1/2/3, wrong gives
0/-2/-6); partly right answers are interpolated. We show it as calibration, not as a penalty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..base.model import Band, Question, Quiz
from ..kinds import RIGHT, Attempt, Grade
from .fold import State, result_path

CBM_RIGHT = {1: 1.0, 2: 2.0, 3: 3.0}
CBM_WRONG = {1: 0.0, 2: -2.0, 3: -6.0}


@dataclass(frozen=True)
class Item:
    """One question on the councillor's path, with the answer that counts (if any)."""

    question: Question
    attempt: Attempt | None

    @property
    def grade(self) -> Grade:
        return self.attempt.grade if self.attempt else Grade(0.0, "unanswered")


@dataclass(frozen=True)
class TopicScore:
    topic: str
    percent: float
    questions: int


@dataclass(frozen=True)
class Certainty:
    level: int
    answered: int
    right: int


@dataclass(frozen=True)
class Result:
    quiz: Quiz
    items: tuple[Item, ...]
    percent: float
    passed: bool
    band: Band | None
    topics: tuple[TopicScore, ...]
    calibration: tuple[Certainty, ...]
    cbm_average: float | None


def cbm_mark(certainty: int, fraction: float) -> float:
    """The CBM mark: ``cbm_mark(3, 1.0) == 3.0``, ``cbm_mark(3, 0.0) == -6.0``."""
    return fraction * CBM_RIGHT[certainty] + (1.0 - fraction) * CBM_WRONG[certainty]


def percent_of(items: Iterable[Item]) -> float:
    scored = [i for i in items if i.question.scored]
    return 100.0 * sum(i.grade.fraction for i in scored) / len(scored) if scored else 0.0


def topic_scores(items: Iterable[Item], order: Iterable[str] = ()) -> tuple[TopicScore, ...]:
    by_topic: dict[str, list[Item]] = {t: [] for t in order}
    for item in items:
        if item.question.scored:
            for topic in item.question.topics:
                by_topic.setdefault(topic, []).append(item)
    return tuple(
        TopicScore(topic, percent_of(found), len(found))
        for topic, found in by_topic.items()
        if found
    )


def calibration(items: Iterable[Item]) -> tuple[Certainty, ...]:
    levels = {level: [0, 0] for level in CBM_RIGHT}
    for item in items:
        if item.attempt and item.attempt.confidence in levels:
            counts = levels[item.attempt.confidence]
            counts[0] += 1
            counts[1] += item.grade.state == RIGHT
    return tuple(Certainty(level, n, right) for level, (n, right) in levels.items() if n)


def result(quiz: Quiz, state: State, topic_order: Iterable[str] = ()) -> Result:
    """The result of a session as it stands, over the questions on the path the story took."""
    items = tuple(
        Item(q, state.latest.get(q.id))
        for q in (quiz.question(i) for i in result_path(quiz, state))
        if q is not None
    )
    percent = percent_of(items)
    marks = [
        cbm_mark(i.attempt.confidence, i.grade.fraction)
        for i in items
        if i.attempt and i.attempt.confidence and i.question.scored
    ]
    return Result(
        quiz=quiz,
        items=items,
        percent=percent,
        passed=round(percent) >= quiz.pass_mark,
        band=quiz.band_for(percent),
        topics=topic_scores(items, topic_order),
        calibration=calibration(items),
        cbm_average=sum(marks) / len(marks) if marks else None,
    )
