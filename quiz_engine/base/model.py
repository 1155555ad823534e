"""The content model: scenarios, topic banks, questions, options, topics and sources.

Plain frozen dataclasses with no behaviour beyond look-ups; grading lives in ``kinds``, the
order of questions in ``flow``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LIGHTS = ("red", "yellow", "green")
QUIZ_KINDS = ("scenario", "bank")
SOURCE_KINDS = ("law", "guideline", "training", "report")
END = "end"


@dataclass(frozen=True)
class Text:
    """A text in bokmål and nynorsk."""

    nb: str
    nn: str

    def get(self, lang: str) -> str:
        return self.nn if lang == "nn" else self.nb


@dataclass(frozen=True)
class Option:
    """A choice in a single, multiple, branching or traffic-light question.

    Traffic lights are options with the ids ``red``, ``yellow`` and ``green``.
    """

    id: str
    text: Text
    correct: bool
    credit: float
    feedback: Text | None = None
    consequence: Text | None = None
    next: str | None = None


@dataclass(frozen=True)
class KeyPoint:
    """One point of a reflection question's model answer."""

    id: str
    text: Text


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: Text
    explanation: Text
    topics: tuple[str, ...]
    sources: tuple[str, ...]
    options: tuple[Option, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    scored: bool = True
    confidence: bool = False
    next: str | None = None

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Band:
    """Overall feedback for a score range, in whole percents, both ends included."""

    low: int
    high: int
    text: Text


@dataclass(frozen=True)
class Quiz:
    """A scenario (a case story with questions) or a topic bank (questions on one theme)."""

    id: str
    kind: str
    order: int
    title: Text
    summary: Text
    intro: Text
    topics: tuple[str, ...]
    sources: tuple[str, ...]
    valid_as_of: str
    pass_mark: int
    questions: tuple[Question, ...]
    bands: tuple[Band, ...] = ()
    shuffle: bool = False
    _index: dict[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Look-ups by id happen on every step of a session: keep them O(1).
        self._index.update({q.id: n for n, q in enumerate(self.questions)})

    def question(self, question_id: str) -> Question | None:
        n = self._index.get(question_id)
        return None if n is None else self.questions[n]

    def position(self, question_id: str) -> int:
        """The question's place in the file (0 for the first)."""
        return self._index[question_id]

    def band_for(self, percent: float) -> Band | None:
        whole = round(percent)
        return next((b for b in self.bands if b.low <= whole <= b.high), None)


@dataclass(frozen=True)
class Topic:
    id: str
    order: int
    title: Text


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    title: Text
    valid_as_of: str
    url: str | None = None


@dataclass(frozen=True)
class Content:
    """Everything the app shows: quizzes in home-screen order, and the catalogues they cite."""

    quizzes: tuple[Quiz, ...]
    topics: tuple[Topic, ...]
    sources: tuple[Source, ...]
    _by_id: dict[str, Quiz] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({q.id: q for q in self.quizzes})

    def quiz(self, quiz_id: str) -> Quiz | None:
        return self._by_id.get(quiz_id)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)
