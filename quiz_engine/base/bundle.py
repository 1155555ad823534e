"""The compiled content bundle: validated content as JSON that the browser loads without checks.

The build validates with ``load_content`` and writes ``content_to_json``; the app reads it back
with ``content_from_json``, which trusts its input (it was checked at build time).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .model import Band, Content, KeyPoint, Option, Question, Quiz, Source, Text, Topic

BUNDLE_VERSION = 1


def content_to_json(content: Content) -> str:
    data = {
        "version": BUNDLE_VERSION,
        "quizzes": [_public(dataclasses.asdict(q)) for q in content.quizzes],
        "topics": [dataclasses.asdict(t) for t in content.topics],
        "sources": [dataclasses.asdict(s) for s in content.sources],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def content_from_json(text: str) -> Content:
    data = json.loads(text)
    if data.get("version") != BUNDLE_VERSION:
        raise ValueError(f"content bundle version {data.get('version')!r} is not supported")
    return Content(
        quizzes=tuple(_quiz(q) for q in data["quizzes"]),
        topics=tuple(Topic(t["id"], t["order"], _text(t["title"])) for t in data["topics"]),
        sources=tuple(
            Source(s["id"], s["kind"], _text(s["title"]), s["valid_as_of"], s["url"])
            for s in data["sources"]
        ),
    )


def _public(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the look-up indexes a model builds for itself (``_index``)."""
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _text(data: Any) -> Text:
    return Text(data["nb"], data["nn"])


def _maybe_text(data: Any) -> Text | None:
    return None if data is None else _text(data)


def _quiz(data: dict[str, Any]) -> Quiz:
    return Quiz(
        id=data["id"],
        kind=data["kind"],
        order=data["order"],
        title=_text(data["title"]),
        summary=_text(data["summary"]),
        intro=_text(data["intro"]),
        topics=tuple(data["topics"]),
        sources=tuple(data["sources"]),
        valid_as_of=data["valid_as_of"],
        pass_mark=data["pass_mark"],
        questions=tuple(_question(q) for q in data["questions"]),
        bands=tuple(Band(b["low"], b["high"], _text(b["text"])) for b in data["bands"]),
        shuffle=data["shuffle"],
    )


def _question(data: dict[str, Any]) -> Question:
    return Question(
        id=data["id"],
        kind=data["kind"],
        prompt=_text(data["prompt"]),
        explanation=_text(data["explanation"]),
        topics=tuple(data["topics"]),
        sources=tuple(data["sources"]),
        options=tuple(
            Option(
                id=o["id"],
                text=_text(o["text"]),
                correct=o["correct"],
                credit=o["credit"],
                feedback=_maybe_text(o["feedback"]),
                consequence=_maybe_text(o["consequence"]),
                next=o["next"],
            )
            for o in data["options"]
        ),
        key_points=tuple(KeyPoint(k["id"], _text(k["text"])) for k in data["key_points"]),
        scored=data["scored"],
        confidence=data["confidence"],
        next=data["next"],
    )
