"""What is saved of a quiz being played: the ``Session``, an append-only history of events.

A session holds the quiz, the behaviour, the shuffle seed and what the councillor did (answers,
finish, retry, reset); where they browse is the address, not history. Everything else (what was
answered, whether it is finished) is the ``State`` folded from the history (``fold``), and the
moves that add an event are in ``play``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..kinds import Response

ACTIONS = ("answer", "finish", "retry", "reset")
CERTAINTIES = (1, 2, 3)


class MoveError(ValueError):
    """A move that is not allowed in the session's current state.

    ``key`` is the catalogue key of what to tell the councillor when the refusal is theirs to
    mend (choose an answer, say how sure you are); ``""`` when there is nothing to say (the
    screen is redrawn as it stands).
    """

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Event:
    action: str
    question: str = ""
    response: Response | None = None
    confidence: int | None = None


@dataclass(frozen=True)
class Session:
    quiz: str
    behaviour: str
    seed: int
    history: tuple[Event, ...] = ()
    drafts: tuple[tuple[str, str], ...] = ()

    def draft(self, question_id: str) -> str:
        return dict(self.drafts).get(question_id, "")

    def then(self, event: Event) -> Session:
        """The session with one more event."""
        return dataclasses.replace(self, history=(*self.history, event))
