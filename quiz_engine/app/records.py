"""Reading the device's saved records at start-up: every quiz's play and last position.

A record that cannot be read or no longer fits its quiz is set aside under a new key (never
deleted: it may hold what the councillor wrote), the quiz starts clean, and a notice says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base.bounded import whole_or_none
from ..base.errors import SavedStateError
from ..base.model import Content
from ..run.play import Play
from ..run.saved_format import check_session, session_from_json

SESSION = "session:"
WHERE = "where:"  # the question a quiz was last shown at: not progress, only for "continue"
LANG, LAST = "lang", "last"
ASIDE = "aside:"
# The notice for a record other than progress that could not be read and was set aside.
RECORD_NOTICE = "shell.record_aside"
MAX_POSITION = 999  # the addresses' question numbers have at most three digits


@dataclass
class Saved:
    plays: dict[str, Play] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    writes: dict[str, str | None] = field(default_factory=dict)  # what to set aside
    set_aside: list[str] = field(default_factory=list)  # the quizzes whose progress was
    damaged: list[str] = field(default_factory=list)  # other records set aside (not progress)


def read_saved(content: Content, records: dict[str, str], now: int) -> Saved:
    saved = Saved()
    for quiz in content.quizzes:
        raw = records.get(SESSION + quiz.id)
        if raw is None:
            continue
        try:
            session = session_from_json(raw)
            saved.plays[quiz.id] = Play(session, check_session(quiz, session))
        except SavedStateError:
            saved.writes[f"{ASIDE}{quiz.id}:{now}"] = raw if isinstance(raw, str) else repr(raw)
            saved.writes[SESSION + quiz.id] = None
            saved.set_aside.append(quiz.id)
    for key, value in records.items():
        if not key.startswith(WHERE):
            continue
        position = whole_or_none(value, 1, MAX_POSITION)
        if position is None:
            set_aside(saved.writes, key, value, now)
            saved.damaged.append(key)
        else:
            saved.positions[key.removeprefix(WHERE)] = position
    return saved


def set_aside(writes: dict[str, str | None], key: str, value: object, now: int) -> None:
    """Move the record ``key`` to ``aside:<key>:<now>`` (never deleted: it may hold what the
    councillor wrote); a value that is not text is kept as its ``repr``, at most 100,000
    characters of it."""
    writes[f"{ASIDE}{key}:{now}"] = value if isinstance(value, str) else repr(value)[:100_000]
    writes[key] = None
