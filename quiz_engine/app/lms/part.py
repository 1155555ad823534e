"""The LMS part of the app: a SCO launched by an LMS for one quiz, reporting to it.

At start-up it goes on from the LMS's saved progress (``policy.resume``) and opens the quiz
rather than the list of all of them; after each move of the councillor's on that quiz it adds
the CMI values for the LMS to the output (``Output.lms``, decided in ``policy.py``), with the
answers as ``cmi.interactions`` rows (``interactions.py``).
"""

from __future__ import annotations

from ...base.model import Quiz
from ...run.play import Play
from ...run.routing import HOME, INTRO, QUESTION, Route, href, parse_route
from ...run.saved_format import session_to_json
from ..effects import Output
from ..quiz import QuizPart
from ..records import ASIDE, SESSION
from .interactions import Sheet
from .policy import cmi_values, readable, resume

# The notice when the LMS's copy replaced a different one on this device (set aside).
DEVICE_ASIDE = "shell.lms_device_aside"
# The notice when the LMS's saved progress could not be read (kept on the device, set aside).
LMS_DAMAGED = "shell.lms_damaged"


class LmsPart:
    def __init__(self, quiz: Quiz, plays: QuizPart, suspend_data: str, now: int = 0) -> None:
        self.quiz = quiz
        self.plays = plays
        self.sheet = Sheet(quiz)
        self.now = now  # the device's clock (ms), as the last message told it
        self.startup_writes: dict[str, str | None] = {}
        local = plays.plays.get(quiz.id)
        if suspend_data and not readable(quiz, suspend_data):
            # The first commit writes over the LMS's copy: it is kept here, set aside, first.
            self.startup_writes[f"{ASIDE}lms:{quiz.id}:{now}"] = suspend_data
            plays.page.notice(LMS_DAMAGED)
        resumed = resume(quiz, local, suspend_data)
        if resumed is not None:
            if local is not None and local.session != resumed.session:
                # Two copies met and the LMS's goes on: the device's is set aside, not lost.
                self.startup_writes[f"aside:{quiz.id}:{now}"] = session_to_json(local.session)
                plays.page.notice(DEVICE_ASIDE)
            plays.plays[quiz.id] = resumed
            self.startup_writes[SESSION + quiz.id] = session_to_json(resumed.session)

    def play(self) -> Play | None:
        return self.plays.plays.get(self.quiz.id)

    def values(self) -> dict[str, str]:
        play = self.play()
        rows = self.sheet.values(play.session if play else None, self.now)
        return {**cmi_values(self.quiz, play), **rows}

    def seen(self, address: str, now: int) -> None:
        """A message's address and time: when each question was first shown (its latency)."""
        self.now = max(self.now, now)
        route, play = parse_route(address), self.play()
        if route.name == QUESTION and route.quiz == self.quiz.id and play is not None:
            path = play.state.path
            if 0 < route.position <= len(path):
                self.sheet.seen(path[route.position - 1], self.now)

    def first_address(self, address: str) -> str:
        """A SCO starts at its quiz, not at the list of all of them."""
        target = href(Route(INTRO, self.quiz.id)) if parse_route(address).name == HOME else address
        self.seen(target, self.now)
        return target

    def report(self, before: Play | None, out: Output) -> Output:
        """Tell the LMS when a move changed the quiz's history (a draft is no answer: the LMS
        hears of answers, finishing and new rounds)."""
        after = self.play()
        if after is not None and (
            before is None or before.session.history != after.session.history
        ):
            out.lms = self.values()
        return out
