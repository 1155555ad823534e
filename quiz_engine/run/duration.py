"""How long a quiz takes, estimated from its content: "ca. 15 min" on the home screen.

The councillor reads the story, and for each question on the path the story takes when every
answer is the best (a branching scenario's shortest honest guess) the prompt, the options and
the explanation, at ``WORDS_PER_MINUTE``; each question adds ``SECONDS_TO_ANSWER`` to think and
choose, each reflection ``SECONDS_TO_WRITE`` to write. Rounded to whole minutes, to five above
fifteen. An estimate to plan by, not a limit: the home screen says "ca.".
"""

from __future__ import annotations

from ..base.model import Question, Quiz
from ..kinds import kind_of
from .flow import walk

# Careful reading of a text one must act on, slower than reading for pleasure (200-250).
WORDS_PER_MINUTE = 160
SECONDS_TO_ANSWER = 20
SECONDS_TO_WRITE = 180
WORDS_PER_LIGHT = 6  # "Gult lys: tvilsomt, må vurderes"


def _words(text: str) -> int:
    return len(text.split())


def _question_words(question: Question, lang: str) -> int:
    words = _words(question.prompt.get(lang)) + _words(question.explanation.get(lang))
    for option in question.options:
        words += _words(option.text.get(lang)) or WORDS_PER_LIGHT
    words += sum(_words(p.text.get(lang)) for p in question.key_points)
    # The feedback of one chosen option, on average.
    notes = [_words(o.feedback.get(lang)) for o in question.options if o.feedback]
    return words + (sum(notes) // len(notes) if notes else 0)


def seconds(quiz: Quiz, lang: str) -> int:
    """The estimate in seconds, unrounded."""
    questions = [q for q in map(quiz.question, walk(quiz, lambda _q: None)) if q is not None]
    words = _words(quiz.intro.get(lang)) + sum(_question_words(q, lang) for q in questions)
    thinking = sum(
        SECONDS_TO_WRITE if kind_of(q).self_assessed else SECONDS_TO_ANSWER for q in questions
    )
    return round(60 * words / WORDS_PER_MINUTE) + thinking


def minutes(quiz: Quiz, lang: str) -> int:
    """``minutes(quiz, "nb") == 15``: whole minutes, at least 1, by fives above 15."""
    whole = max(1, round(seconds(quiz, lang) / 60))
    return whole if whole <= 15 else 5 * round(whole / 5)
