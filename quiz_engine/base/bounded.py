"""Reading what the engine did not write itself, within bounds: no stored record and no value
an LMS or a QR code sends can stop the app.

Every reader refuses with a ``Refused`` that says why (the caller sets the value aside and goes
on). The bounds are checked *before* Python's own parsers run: ``json.loads`` recurses once per
``[`` or ``{``, and in Pyodide a deep enough record overflows the WebAssembly stack, which kills
the interpreter before a ``RecursionError`` could be caught; ``int()`` takes any Unicode digit
(``"²".isdigit()`` is true, ``int("²")`` raises) and any length.
"""

from __future__ import annotations

import json
import re
from typing import Any

# The longest record the app reads (a session of a long quiz with every reflection at its
# longest, many rounds, stays far under this: its history is compacted at every reset).
MAX_RECORD = 2_000_000
# How deep a record's JSON may nest: the app's own records nest at most 5 deep.
MAX_DEPTH = 32
# The most digits a number in a record, an address or a code may have.
MAX_DIGITS = 15
ASCII_DIGITS = frozenset("0123456789")


class Refused(ValueError):
    """A value the app does not read, and why (in English, for the console and the tests)."""


def json_value(raw: object, limit: int = MAX_RECORD, depth: int = MAX_DEPTH) -> Any:
    """``raw`` parsed as JSON, when it is a string of at most ``limit`` characters nesting at
    most ``depth`` deep; else ``Refused``."""
    if not isinstance(raw, str):
        raise Refused(f"not text but {type(raw).__name__}")
    if len(raw) > limit:
        raise Refused(f"{len(raw)} characters, more than {limit}")
    deepest = nesting(raw)
    if deepest > depth:
        raise Refused(f"nested {deepest} deep, more than {depth}")
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise Refused(f"not JSON: {error}") from None


def nesting(text: str) -> int:
    """How deep the brackets of ``text`` nest outside its JSON strings, without recursion.
    (Text that is not JSON may count deeper than it is: it is refused either way.)"""
    brackets = _OTHER.sub("", _STRING.sub("", text))
    depth = deepest = 0
    for char in brackets:
        depth += 1 if char in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_OTHER = re.compile(r"[^\[\]{}]+")


def whole(text: object, low: int = 0, high: int = 10**MAX_DIGITS - 1) -> int:
    """A whole number written in ASCII digits, ``low <= n <= high``; else ``Refused``.
    ``whole("12") == 12``; ``"²"``, ``"-1"``, ``" 1"``, ``"1e3"`` and 5,000 digits are refused."""
    if not isinstance(text, str) or not text:
        raise Refused("no number")
    if len(text) > MAX_DIGITS or not set(text) <= ASCII_DIGITS:
        raise Refused(f"not a number in ASCII digits: {text[:20]!r}")
    number = int(text)
    if not low <= number <= high:
        raise Refused(f"{number} is not between {low} and {high}")
    return number


def whole_or_none(text: object, low: int = 0, high: int = 10**MAX_DIGITS - 1) -> int | None:
    try:
        return whole(text, low, high)
    except Refused:
        return None


__all__ = ["MAX_DEPTH", "MAX_RECORD", "Refused", "json_value", "nesting", "whole", "whole_or_none"]
