"""A seminar and a table's sheet as versioned JSON in the device's storage.

Anything unreadable gives ``None``: the caller sets the record aside and starts cleanly.
"""

from __future__ import annotations

import json
from typing import Any

from ...base.bounded import json_value, whole
from .payload import MAX_TABLE
from .state import Seminar
from .table import Sheet
from .timer import Timer

FORMAT = 1
MAX_SEMINAR = 200_000  # far more than 99 tables' answers to the longest quiz


def seminar_to_json(seminar: Seminar) -> str:
    data = {
        "format": FORMAT,
        "quiz": seminar.quiz,
        "step": seminar.step,
        "counts": seminar.counts,
        "tables": {str(n): {q: list(c) for q, c in a.items()} for n, a in seminar.tables.items()},
        "timer": [seminar.timer.seconds, seminar.timer.spent_ms, seminar.timer.since],
        "controls": seminar.controls,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def seminar_from_json(raw: str) -> Seminar | None:
    try:
        data = json_value(raw, limit=MAX_SEMINAR, depth=4)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        seconds, spent, since = data["timer"]
        return Seminar(
            quiz=_text(data["quiz"]),
            step=_whole(data["step"]),
            counts={
                _text(q): {_text(c): _whole(n) for c, n in _dict(v).items()}
                for q, v in _dict(data["counts"]).items()
            },
            tables={
                whole(_text(n), 1, MAX_TABLE): _answers(a) for n, a in _dict(data["tables"]).items()
            },
            timer=Timer(_whole(seconds), _whole(spent), None if since is None else _whole(since)),
            controls=bool(data.get("controls", True)),
        )
    except (ValueError, KeyError, TypeError):
        return None


def sheet_to_json(sheet: Sheet) -> str:
    data = {
        "format": FORMAT,
        "quiz": sheet.quiz,
        "table": sheet.table,
        "answers": {q: list(c) for q, c in sheet.answers.items()},
        "handing_in": sheet.handing_in,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sheet_from_json(raw: str) -> Sheet | None:
    try:
        data = json_value(raw, limit=MAX_SEMINAR, depth=3)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        return Sheet(
            _text(data["quiz"]),
            _whole(data["table"], MAX_TABLE),
            _answers(data["answers"]),
            bool(data.get("handing_in", False)),
        )
    except (ValueError, KeyError, TypeError):
        return None


def _answers(value: Any) -> dict[str, tuple[str, ...]]:
    return {_text(q): tuple(_text(c) for c in _list(v)) for q, v in _dict(value).items()}


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _whole(value: Any, high: int = 2**53) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= high:
        raise TypeError("not a whole number in range")
    return value


def _dict(value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise TypeError("not an object")
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value
