"""What each of the writer's changes does to the file: a value typed, a box ticked, a question
or an option added, moved or removed. Pure: a document in, a new document out.

What a question's items are comes from its kind's description (``Kind.editing``); a question of
an unknown kind (a typing slip in the file) keeps its items as they are.
"""

from __future__ import annotations

import datetime
from typing import Any

from ..base.errors import KeyPath, Table
from ..base.names import LANGUAGES
from ..kinds import REGISTRY, Kind
from .document import delete, get, insert, move, put, typed

OPTIONAL_TEXTS = ("feedback", "consequence")  # left out of the file when both are empty
CHOICES = {"true": True, "false": False, "": None}  # selects that say yes, no or "as the quiz"


def kind_at(doc: Table, path: KeyPath) -> Kind | None:
    """The kind of the question ``path`` is in (``path`` starts ``questions, n``)."""
    if len(path) < 2 or path[0] != "questions":
        return None
    return REGISTRY.get(str(get(doc, (*path[:2], "kind"))))


def set_value(doc: Table, path: KeyPath, raw: str) -> Table:
    """A value typed or chosen in a field, stored as the file writes it."""
    key = path[-1]
    if key in LANGUAGES:
        doc = put(doc, path, raw)
        pair = get(doc, path[:-1])
        empty = isinstance(pair, dict) and not any(str(v).strip() for v in pair.values())
        if path[-2] in OPTIONAL_TEXTS and empty:
            doc = put(doc, path[:-1], None)
        return doc
    if key == "confidence" and len(path) > 1 and raw in CHOICES:
        return put(doc, path, CHOICES[raw])
    if key == "next" and not raw.strip():
        return put(doc, path, None)
    value = typed(str(key), raw)
    return put(doc, path, value if value != "" or key in ("id", "kind") else None)


def change_kind(doc: Table, path: KeyPath, name: str) -> Table:
    """The question at ``path`` becomes a question of kind ``name`` with its items kept: what
    only the old kind's items have goes (part credit, where a choice leads), what the new kind
    asks of each item is added blank, and a question-wide next goes where the new kind has
    none. Keys no kind knows stay, for the checker to name."""
    old, new = kind_at(doc, (*path, "kind")), REGISTRY.get(name)
    doc = put(doc, (*path, "kind"), name)
    if old is None or new is None or old.editing.section != new.editing.section:
        return doc
    kept = {f.key for f in new.editing.fields}
    dropped = {f.key for f in old.editing.fields} - kept
    section = (*path, new.editing.section)
    items = get(doc, section)
    if isinstance(items, list):
        changed = []
        for item in items:
            if isinstance(item, dict):
                item = {k: v for k, v in item.items() if k not in dropped}
                blank = new.editing.new_item([str(i) for i in item.get("id", "")])
                item = {
                    **{k: v for k, v in blank.items() if k not in item and _needed(new, k)},
                    **item,
                }
            changed.append(item)
        doc = put(doc, section, changed)
    return doc if new.editing.question_next else put(doc, (*path, "next"), None)


def _needed(kind: Kind, key: str) -> bool:
    """Whether every item of ``kind`` must have ``key`` (where a branching choice leads)."""
    return any(f.key == key and f.required and f.widget == "target" for f in kind.editing.fields)


def toggle(doc: Table, path: KeyPath) -> Table:
    """A box ticked or unticked: true or false, left out where it is the default."""
    default = False
    if path[-1] == "scored":
        kind = kind_at(doc, path)
        default = kind.scored_by_default if kind else True
    now = get(doc, path)
    new = not (now if isinstance(now, bool) else default)
    return put(doc, path, None if new == default else new)


def choose_best(doc: Table, path: KeyPath) -> Table:
    """The option at ``path`` becomes the one best answer: the others are no longer correct,
    and it needs no part credit."""
    options = get(doc, path[:-1])
    if not isinstance(options, list) or not isinstance(path[-1], int):
        return doc
    chosen = path[-1]
    new = []
    for n, option in enumerate(options, start=1):
        if not isinstance(option, dict):
            new.append(option)
            continue
        rest = {
            k: v for k, v in option.items() if k != "correct" and (n != chosen or k != "credit")
        }
        new.append({**rest, "correct": True} if n == chosen else rest)
    return put(doc, path[:-1], new)


def toggle_ref(doc: Table, path: KeyPath, value: str, keep_empty: bool) -> Table:
    """Add an id to a list of topics or sources, or take it away."""
    now = get(doc, path)
    ids = [v for v in now if isinstance(v, str)] if isinstance(now, list) else []
    ids = [v for v in ids if v != value] if value in ids else [*ids, value]
    return put(doc, path, ids if ids or keep_empty else None)


def add_ref(doc: Table, path: KeyPath, value: str) -> Table:
    now = get(doc, path)
    ids = list(now) if isinstance(now, list) else []
    return doc if value in ids else put(doc, path, [*ids, value])


def remove_ref(doc: Table, path: KeyPath, value: str) -> Table:
    now = get(doc, path)
    ids = [v for v in now if v != value] if isinstance(now, list) else []
    return put(doc, path, ids)


def add_question(doc: Table, kind: Kind, taken: set[str]) -> tuple[Table, int]:
    """A new question of ``kind`` at the end; its number."""
    base = str(doc.get("id") or "sporsmal")
    questions = get(doc, ("questions",))
    count = len(questions) if isinstance(questions, list) else 0
    ours = {str(q.get("id")) for q in questions or [] if isinstance(q, dict)}
    n = count + 1
    while f"{base}-{n}" in taken | ours:
        n += 1
    return insert(doc, ("questions",), kind.blank(f"{base}-{n}")), count + 1


def add_item(doc: Table, path: KeyPath) -> Table:
    """A new item (an option, a key point) at the end of the question's list at ``path``."""
    kind = kind_at(doc, path)
    if kind is None or kind.editing.named:
        return doc
    items = get(doc, path)
    taken = [str(i.get("id")) for i in items or [] if isinstance(i, dict)]
    return insert(doc, path, kind.editing.new_item(taken))


def add_band(doc: Table) -> Table:
    bands = get(doc, ("bands",))
    last = bands[-1] if isinstance(bands, list) and bands and isinstance(bands[-1], dict) else {}
    low = last.get("to", -1) + 1 if isinstance(last.get("to"), int) else 0
    return insert(doc, ("bands",), {"from": min(low, 100), "to": 100, "text": {"nb": "", "nn": ""}})


def remove(doc: Table, path: KeyPath) -> Table:
    return delete(doc, path)


def move_item(doc: Table, path: KeyPath, by: int) -> tuple[Table, int]:
    return move(doc, path, by)


def new_source(sources: Table, source_id: str, today: str) -> Table:
    """A new source in the quiz's own sources file, to be filled in."""
    try:
        checked = datetime.date.fromisoformat(today)
    except ValueError:
        checked = datetime.date(2000, 1, 1)
    entry: dict[str, Any] = {"kind": "law", "valid_as_of": checked, "title": {"nb": "", "nn": ""}}
    return put(sources, ("sources", source_id), entry)


def blank_quiz(quiz_id: str, kind: Kind, question_id: str, today: str) -> Table:
    """A new quiz with one question of ``kind``: every text empty, for the checker to ask for."""
    try:
        checked: Any = datetime.date.fromisoformat(today)
    except ValueError:
        checked = None
    empty = {"nb": "", "nn": ""}
    doc: Table = {
        "id": quiz_id,
        "kind": "scenario",
        "order": 1000,
        "topics": [],
        "sources": [],
        "pass_mark": 70,
        "title": dict(empty),
        "summary": dict(empty),
        "intro": dict(empty),
        "bands": [{"from": 0, "to": 100, "text": dict(empty)}],
        "questions": [kind.blank(question_id)],
    }
    return put(doc, ("valid_as_of",), checked) if checked else doc
