"""Reading the device's saved records at start-up: every quiz's play and last position.

A record that cannot be read or no longer fits its quiz is set aside under a new key (never
deleted: it may hold what the councillor wrote), the quiz starts clean, and a notice says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base.errors import SavedStateError
from ..base.model import Content
from ..run.play import Play
from ..run.saved_format import check_session, session_from_json

SESSION = "session:"
WHERE = "where:"  # the question a quiz was last shown at: not progress, only for "continue"
LANG, LAST = "lang", "last"


@dataclass
class Saved:
    plays: dict[str, Play] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    writes: dict[str, str | None] = field(default_factory=dict)  # what to set aside
    set_aside: list[str] = field(default_factory=list)  # the quizzes whose progress was


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
            saved.writes[f"aside:{quiz.id}:{now}"] = raw
            saved.writes[SESSION + quiz.id] = None
            saved.set_aside.append(quiz.id)
    saved.positions = {
        key.removeprefix(WHERE): int(value)
        for key, value in records.items()
        if key.startswith(WHERE) and value.isdigit()
    }
    return saved
