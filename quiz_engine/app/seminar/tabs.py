"""A seminar or a table's sheet that another tab of the app saved, merged with this tab's
(``../merge.py``), so neither writes over the other: the projector's tab counting cards and the
reader's tab adding tables of one room."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...base.names import SEMINAR_KEY, TABLE_KEY
from ...run.routing import parse_route
from ..effects import Output
from ..merge import merge_seminars, merge_sheets
from .records import seminar_from_json, seminar_to_json, sheet_from_json, sheet_to_json

if TYPE_CHECKING:
    from .desk import Desk


def heard(desk: Desk, address: str, key: str, value: str | None) -> Output:
    """Another tab saved a seminar or a table's sheet: merged with this tab's (``merge.py``),
    so neither writes over the other (the projector's and the reader's tab of one room)."""
    sheet = key.startswith(TABLE_KEY)
    quiz = desk.page.content.quiz(key.removeprefix(TABLE_KEY if sheet else SEMINAR_KEY))
    held: dict[str, Any] = desk.sheets if sheet else desk.seminars
    read, write, merge = (
        (sheet_from_json, sheet_to_json, merge_sheets)
        if sheet
        else (seminar_from_json, seminar_to_json, merge_seminars)
    )
    theirs = read(value) if value is not None else None
    if quiz is None or (value is not None and (theirs is None or theirs.quiz != quiz.id)):
        return Output()  # not ours, or damaged: the other tab sets it aside itself
    out = Output()
    mine, base = held.get(quiz.id), desk.agreed.get(key)
    if theirs is None:
        held.pop(quiz.id, None)
    else:
        same = base if type(base) is type(theirs) else None
        merged = theirs if mine is None else merge(same, mine, theirs)  # type: ignore[arg-type]
        held[quiz.id] = desk.agreed[key] = merged
        if merged != theirs:
            out.writes[key] = write(merged)  # type: ignore[arg-type]
    if parse_route(address).quiz != quiz.id:
        return out
    return out.then(desk.show(address, focus=None))
