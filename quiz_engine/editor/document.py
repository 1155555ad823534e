"""The file being edited, as its parsed TOML: read and changed one value at a time, and written
back as TOML with tomli-w.

A place in the file is a key path as the checker names it: ``questions[3].options[1].text.nn``
is ``("questions", 3, "options", 1, "text", "nn")``, with items counted from 1. Changes return a
new document and leave the old one as it was (only the tables on the path are copied), so an
earlier version stays whole. Whatever shape the file has, reading never raises: a value of the
wrong shape reads as missing, and writing a value replaces it.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import tomli_w

from ..base.errors import KeyPath, Table
from ..content.parse_quiz import QUESTION_KEYS, QUIZ_KEYS
from ..kinds.choice import OPTION_KEYS

MAX_PATH = 300
_PATH = re.compile(r"^[a-z0-9_-]+(?:\[\d{1,4}\])*(?:\.[a-z0-9_-]+(?:\[\d{1,4}\])*)*$")
_PART = re.compile(r"([a-z0-9_-]+)|\[(\d{1,4})\]")

# The order keys are written in (tomli-w writes plain values before sections in any case).
ORDERS: dict[str, tuple[str, ...]] = {
    "quiz": QUIZ_KEYS,
    "question": QUESTION_KEYS,
    "option": OPTION_KEYS,
    "band": ("from", "to", "text"),
    "source": ("kind", "url", "valid_as_of", "title"),
    "text": ("nb", "nn"),
    "light": ("credit", "feedback"),
    "lights": ("red", "yellow", "green"),
    "sources_file": ("sources",),
}
INTEGERS = ("order", "pass_mark", "from", "to")
FRACTIONS = ("credit",)
DATES = ("valid_as_of",)


def parse_path(text: str) -> KeyPath | None:
    """``"questions[3].prompt.nn"`` -> ``("questions", 3, "prompt", "nn")``; None if it is not
    a key path (too long, or not made of keys and item numbers)."""
    if len(text) > MAX_PATH or not _PATH.match(text):
        return None
    parts: list[str | int] = []
    for key, index in _PART.findall(text):
        if key:
            parts.append(key)
        elif int(index) >= 1:
            parts.append(int(index))
        else:
            return None
    return tuple(parts)


def get(doc: Any, path: KeyPath) -> Any:
    """The value at ``path``, or None where the file has none (or of another shape)."""
    here = doc
    for part in path:
        if isinstance(part, int):
            if not isinstance(here, list) or not 1 <= part <= len(here):
                return None
            here = here[part - 1]
        elif isinstance(here, dict):
            here = here.get(part)
        else:
            return None
    return here


def put(doc: Table, path: KeyPath, value: Any) -> Table:
    """A copy of ``doc`` with ``value`` at ``path`` (``None`` removes the key). Tables on the
    way are made where missing; an item number past the end of a list changes nothing."""
    return _put(doc, path, value)  # type: ignore[no-any-return]


def _put(here: Any, path: KeyPath, value: Any) -> Any:
    if not path:
        return value
    part, rest = path[0], path[1:]
    if isinstance(part, int):
        if not isinstance(here, list) or not 1 <= part <= len(here):
            return here
        items = list(here)
        items[part - 1] = _put(items[part - 1], rest, value)
        return items
    table = dict(here) if isinstance(here, dict) else {}
    new = _put(table.get(part), rest, value)
    if new is None:
        table.pop(part, None)
    else:
        table[part] = new
    return table


def insert(doc: Table, path: KeyPath, item: Any, at: int | None = None) -> Table:
    """A copy of ``doc`` with ``item`` added to the list at ``path`` (at the end, or before item
    number ``at``); a missing list is made."""
    items = get(doc, path)
    items = list(items) if isinstance(items, list) else []
    items.insert(len(items) if at is None else max(0, at - 1), item)
    return put(doc, path, items)


def delete(doc: Table, path: KeyPath) -> Table:
    """A copy of ``doc`` without the item at ``path`` (a list's item, or a table's key)."""
    *parent, last = path
    if isinstance(last, int):
        items = get(doc, tuple(parent))
        if not isinstance(items, list) or not 1 <= last <= len(items):
            return doc
        return put(doc, tuple(parent), [v for n, v in enumerate(items, 1) if n != last] or None)
    return put(doc, path, None)


def move(doc: Table, path: KeyPath, by: int) -> tuple[Table, int]:
    """A copy of ``doc`` with the list item at ``path`` moved ``by`` places (-1 up, 1 down),
    and the item's new number."""
    *parent, last = path
    items = get(doc, tuple(parent))
    if not isinstance(last, int) or not isinstance(items, list) or not 1 <= last <= len(items):
        return doc, last if isinstance(last, int) else 0
    to = min(max(1, last + by), len(items))
    items = list(items)
    items.insert(to - 1, items.pop(last - 1))
    return put(doc, tuple(parent), items), to


def typed(key: str, raw: str) -> Any:
    """A value typed into a form, as the file holds it: a number or a date where the key takes
    one and the text reads as one, else the text itself (the checker then says what is wrong).
    An empty field is None: the key is left out."""
    text = raw.strip()
    if key in INTEGERS + FRACTIONS + DATES and not text:
        return None
    if key in INTEGERS and re.fullmatch(r"-?\d{1,9}", text):
        return int(text)
    if key in FRACTIONS and re.fullmatch(r"-?\d{1,3}([.,]\d{1,6})?", text):
        return float(text.replace(",", "."))
    if key in DATES:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return raw
    return raw


def ordered(value: Any, role: str = "quiz") -> Any:
    """``value`` with its keys in the order the guide writes them, unknown keys last, as is."""
    if isinstance(value, list):
        return [ordered(v, role) for v in value]
    if not isinstance(value, dict):
        return value
    order = ORDERS.get(role, ORDERS["text"])
    keys = [k for k in order if k in value] + [k for k in value if k not in order]
    return {k: ordered(value[k], _CHILD.get((role, k), _CHILD.get((role, "*"), ""))) for k in keys}


# What each table or list inside a table is (``*``: any key).
_CHILD = {
    ("quiz", "bands"): "band",
    ("quiz", "questions"): "question",
    ("question", "options"): "option",
    ("question", "lights"): "lights",
    ("question", "key_points"): "option",
    ("lights", "*"): "light",
    ("sources_file", "sources"): "source_table",
    ("source_table", "*"): "source",
}


def to_toml(doc: Table, role: str = "quiz") -> str:
    """The file as TOML, written by tomli-w; texts with line breaks as multi-line strings.
    ``role`` is "quiz" for a scenario or bank, "sources_file" for a source catalogue."""
    return tomli_w.dumps(ordered(doc, role), multiline_strings=True)


def plain_toml(table: Table) -> str:
    """A table as TOML, its keys in the order given (a settings file, written by tomli-w)."""
    return tomli_w.dumps(table)
