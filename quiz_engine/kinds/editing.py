"""What the editor's form for a kind holds, as Moodle's ``edit_<type>_form.php``: the items of
the question (options, lights or key points) and the fields of each item, described here so the
editor draws any kind from its description and never asks a question for its kind by name.

A field's ``widget`` says how the editor asks for the value:

    "id"            an item's id (small letters, digits and dashes)
    "text"          a text in bokmål and nynorsk, side by side
    "correct_one"   this item is the one best answer (one of the items, like a radio button)
    "correct_many"  this item is one of the right answers (each on its own, like a checkbox)
    "credit"        part credit for an item that is not correct: a number from 0 up to 1
    "light_credit"  a light's credit: 1 (the best light), 0.5 or 0
    "target"        where the story goes next: a question of the quiz, or "end"

``label`` is the catalogue key of the field's name; ``required`` says the checker asks for it
(the checker, not the form, has the last word on what is missing).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..base.errors import Table

BLANK_TEXT = {"nb": "", "nn": ""}


@dataclass(frozen=True)
class Field:
    key: str
    widget: str
    label: str
    required: bool = False


@dataclass(frozen=True)
class Editing:
    """The items under ``section``: a list the editor can add to, remove from and reorder, or
    ``named`` tables that are always there (the three lights). ``item`` is the catalogue key of
    one item's name; ``minimum`` how many a blank question starts with; ``question_next``
    whether the question itself may say where to go next."""

    section: str
    item: str
    fields: tuple[Field, ...]
    named: tuple[str, ...] = ()
    minimum: int = 2
    question_next: bool = True

    def new_item(self, taken: list[str], first: bool = False) -> Table:
        """A blank item with an id not in ``taken``: every text empty for the writer to fill."""
        item: Table = {}
        for field in self.fields:
            value = _blank(field, taken, first)
            if value is not None:
                item[field.key] = value
        return item

    def blank_items(self) -> Any:
        """The items a new question starts with."""
        if self.named:
            return {name: self.new_item([], first=n == 0) for n, name in enumerate(self.named)}
        items: list[Table] = []
        for n in range(self.minimum):
            items.append(self.new_item([str(i.get("id")) for i in items], first=n == 0))
        return items


def _blank(field: Field, taken: list[str], first: bool) -> Any:
    if field.widget == "id":
        return next(f"{n}" for n in _ids() if n not in taken)
    if field.widget == "text":
        # Every text the checker asks for, and the feedback a wrong item needs, starts empty.
        if field.required or (field.key == "feedback" and not first):
            return dict(BLANK_TEXT)
        return None
    if field.widget in ("correct_one", "correct_many"):
        return True if first else None
    if field.widget == "light_credit":
        return 1.0 if first else 0.0
    if field.widget == "target":
        return "end"
    return None


def _ids() -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [*letters, *(f"{a}{b}" for a in letters for b in letters)]
