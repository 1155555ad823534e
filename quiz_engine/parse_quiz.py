"""Turn one scenario or topic-bank file into a ``Quiz``, recording every problem on the way."""

from __future__ import annotations

from .locate import KeyPath
from .model import LIGHTS, QUIZ_KINDS, Band, KeyPoint, Option, Question, Quiz, Text
from .question_rules import check_question_shape
from .reader import Reader, Table

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
OPTION_KEYS = ("id", "text", "correct", "credit", "feedback", "consequence", "next")
LIGHT_KEYS = ("credit", "feedback")
KEY_POINT_KEYS = ("id", "text")
PLACEHOLDER = Text("", "")


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
    kind = reader.string(data, path, "kind", "the kind of question")
    options: tuple[Option, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    if kind in ("single", "multiple", "branching"):
        options = tuple(
            parse_option(reader, table, (*path, "options", n))
            for n, table in enumerate(reader.tables(data, path, "options", "options"), start=1)
        )
    elif kind == "traffic_light":
        options = parse_lights(reader, data, path)
    elif kind == "reflection":
        key_points = tuple(
            parse_key_point(reader, table, (*path, "key_points", n))
            for n, table in enumerate(reader.tables(data, path, "key_points", "key points"), 1)
        )
    next_id = data.get("next")
    question = Question(
        id=reader.identifier(data, path) or "",
        kind=kind or "",
        prompt=reader.text(data, path, "prompt") or PLACEHOLDER,
        explanation=reader.text(data, path, "explanation") or PLACEHOLDER,
        topics=reader.ids(data, path, "topics", "topic") if "topics" in data else (),
        sources=reader.ids(data, path, "sources", "source"),
        options=options,
        key_points=key_points,
        scored=reader.boolean(data, path, "scored", kind != "reflection"),
        confidence=reader.boolean(data, path, "confidence", confidence),
        next=reader.string(data, path, "next", "a question id") if next_id is not None else None,
    )
    if kind is not None:
        check_question_shape(reader, data, path, question)
    return question if len(reader.problems) == before else None


def parse_option(reader: Reader, data: Table, path: KeyPath) -> Option:
    reader.known_keys(data, path, OPTION_KEYS)
    correct = reader.boolean(data, path, "correct", False)
    credit = reader.fraction(data, path, "credit") if "credit" in data else None
    return Option(
        id=reader.identifier(data, path) or "",
        text=reader.text(data, path, "text") or PLACEHOLDER,
        correct=correct,
        credit=1.0 if correct else (credit or 0.0),
        feedback=reader.text(data, path, "feedback", required=False),
        consequence=reader.text(data, path, "consequence", required=False),
        next=reader.string(data, path, "next", "a question id") if "next" in data else None,
    )


def parse_key_point(reader: Reader, data: Table, path: KeyPath) -> KeyPoint:
    reader.known_keys(data, path, KEY_POINT_KEYS)
    return KeyPoint(
        id=reader.identifier(data, path) or "", text=reader.text(data, path, "text") or PLACEHOLDER
    )


def parse_lights(reader: Reader, data: Table, path: KeyPath) -> tuple[Option, ...]:
    table = data.get("lights")
    if not isinstance(table, dict):
        reader.problem(
            (*path, "lights"),
            "a traffic-light question needs [questions.lights.red], [questions.lights.yellow] "
            "and [questions.lights.green] sections.",
        )
        return ()
    reader.known_keys(table, (*path, "lights"), LIGHTS)
    lights = []
    for light in LIGHTS:
        where = (*path, "lights", light)
        if not isinstance(table.get(light), dict):
            reader.problem(where, f"the {light} light is missing. Add [questions.lights.{light}].")
            continue
        reader.known_keys(table[light], where, LIGHT_KEYS)
        credit = reader.fraction(table[light], where, "credit")
        lights.append(
            Option(
                id=light,
                text=PLACEHOLDER,
                correct=credit == 1.0,
                credit=credit or 0.0,
                feedback=reader.text(table[light], where, "feedback", required=False),
            )
        )
    return tuple(lights)


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
