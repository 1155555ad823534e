"""Turn one scenario or topic-bank file into a ``Quiz``, recording every problem on the way."""

from __future__ import annotations

from ..base.errors import KeyPath, Table
from ..base.model import QUIZ_KINDS, Band, Question, Quiz
from ..kinds import REGISTRY
from ..kinds.parts import PLACEHOLDER
from .question_rules import check_question_shape
from .reader import Reader

QUIZ_KEYS = (
    "id",
    "kind",
    "order",
    "topics",
    "sources",
    "valid_as_of",
    "pass_mark",
    "shuffle",
    "confidence",
    "title",
    "summary",
    "intro",
    "bands",
    "questions",
)
QUESTION_KEYS = (
    "id",
    "kind",
    "topics",
    "sources",
    "confidence",
    "next",
    "prompt",
    "explanation",
    "options",
    "lights",
    "key_points",
    "scored",
)


def parse_quiz(reader: Reader, data: Table) -> Quiz | None:
    """Read a whole quiz file; ``None`` when anything is wrong (the reader holds the problems)."""
    before = len(reader.problems)
    reader.known_keys(data, (), QUIZ_KEYS)
    quiz_id = reader.identifier(data, ())
    kind = reader.string(data, (), "kind", '"scenario" or "bank"')
    if kind is not None and kind not in QUIZ_KINDS:
        reader.problem(("kind",), f'"kind" must be "scenario" or "bank", not "{kind}".')
    ask_confidence = reader.boolean(data, (), "confidence", False)
    questions = [
        parse_question(reader, table, ("questions", n), ask_confidence)
        for n, table in enumerate(reader.tables(data, (), "questions", "questions"), start=1)
    ]
    quiz = Quiz(
        id=quiz_id or "",
        kind=kind or "",
        order=reader.integer(data, (), "order", 0, 100_000) or 0,
        title=reader.text(data, (), "title") or PLACEHOLDER,
        summary=reader.text(data, (), "summary") or PLACEHOLDER,
        intro=reader.text(data, (), "intro") or PLACEHOLDER,
        topics=reader.ids(data, (), "topics", "topic"),
        sources=reader.ids(data, (), "sources", "source"),
        valid_as_of=reader.date(data, (), "valid_as_of") or "",
        pass_mark=reader.integer(data, (), "pass_mark", 0, 100) or 0,
        questions=tuple(q for q in questions if q is not None),
        bands=parse_bands(reader, data),
        shuffle=reader.boolean(data, (), "shuffle", False),
    )
    return quiz if len(reader.problems) == before else None


def parse_question(reader: Reader, data: Table, path: KeyPath, confidence: bool) -> Question | None:
    before = len(reader.problems)
    reader.known_keys(data, path, QUESTION_KEYS)
    name = reader.string(data, path, "kind", "the kind of question")
    kind = REGISTRY.get(name or "")
    options, key_points = kind.parse_items(reader, data, path) if kind else ((), ())
    next_id = data.get("next")
    question = Question(
        id=reader.identifier(data, path) or "",
        kind=name or "",
        prompt=reader.text(data, path, "prompt") or PLACEHOLDER,
        explanation=reader.text(data, path, "explanation") or PLACEHOLDER,
        topics=reader.ids(data, path, "topics", "topic") if "topics" in data else (),
        sources=reader.ids(data, path, "sources", "source"),
        options=options,
        key_points=key_points,
        scored=reader.boolean(data, path, "scored", kind.scored_by_default if kind else True),
        confidence=reader.boolean(data, path, "confidence", confidence),
        next=reader.string(data, path, "next", "a question id") if next_id is not None else None,
    )
    if name is not None:
        check_question_shape(reader, data, path, question)
    return question if len(reader.problems) == before else None


def parse_bands(reader: Reader, data: Table) -> tuple[Band, ...]:
    bands = []
    for n, table in enumerate(reader.tables(data, (), "bands", "feedback bands"), start=1):
        path = ("bands", n)
        reader.known_keys(table, path, ("from", "to", "text"))
        low = reader.integer(table, path, "from", 0, 100)
        high = reader.integer(table, path, "to", 0, 100)
        text = reader.text(table, path, "text")
        if low is not None and high is not None and text is not None:
            bands.append(Band(low, high, text))
    bands.sort(key=lambda b: b.low)
    expected = 0
    for band in bands:
        if band.low != expected or band.high < band.low:
            reader.problem(
                ("bands",),
                f"the score bands must cover 0 to 100 without gaps or overlaps; the band "
                f"from {band.low} to {band.high} should start at {expected}. Adjust from/to.",
            )
            return tuple(bands)
        expected = band.high + 1
    if bands and expected != 101:
        reader.problem(("bands",), "the last score band must end at 100 (to = 100).")
    return tuple(bands)
