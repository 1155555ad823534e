"""Option order: file order, or shuffled with the session's seed (resumes look the same)."""

from __future__ import annotations

from .kinds import kind_of
from .model import Option, Question, Quiz


def option_order(quiz: Quiz, question: Question, seed: int) -> tuple[Option, ...]:
    """The options as the councillor sees them; the kind decides whether they may move."""
    return kind_of(question).ordered(quiz, question, seed)
