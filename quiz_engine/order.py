"""Option order: file order, or shuffled with the session's seed (resumes look the same)."""

from __future__ import annotations

import random

from .model import Option, Question, Quiz


def option_order(quiz: Quiz, question: Question, seed: int) -> tuple[Option, ...]:
    if not quiz.shuffle or question.kind == "traffic_light":
        return question.options
    options = list(question.options)
    # A fresh generator per question: the order depends only on the seed and the question,
    # never on what was drawn before (or on a snapshot's frozen global random state).
    random.Random(f"{seed}:{question.id}").shuffle(options)
    return tuple(options)
