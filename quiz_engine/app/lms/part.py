"""The controller of a SCO: the app launched by an LMS for one quiz, reporting to it.

Everything the plain controller does, and after each move on that quiz the CMI values for the
LMS (``Output.lms``, decided in ``lms.py``); at start-up it goes on from the LMS's saved
progress and opens the quiz rather than the list of all of them.
"""

from __future__ import annotations

from .controller import Controller
from .edition import NEUTRAL, Edition
from .effects import Output
from .lms import cmi_values, resume
from .model import Content
from .routing import HOME, INTRO, Route, href, parse_route
from .saved import SESSION
from .session import Session
from .session_json import session_to_json
from .strings import Catalogue


class LmsController(Controller):
    in_lms = True

    def __init__(
        self,
        content: Content,
        catalogues: dict[str, Catalogue],
        records: dict[str, str],
        persistent: bool = True,
        now: int = 0,
        lms_quiz: str = "",
        suspend_data: str = "",
        edition: Edition = NEUTRAL,
    ) -> None:
        super().__init__(content, catalogues, records, persistent, now, edition)
        quiz = content.quiz(lms_quiz)
        if quiz is None:
            raise ValueError(f"the LMS launched {lms_quiz!r}, which is not in this package")
        self.lms_quiz = quiz.id
        resumed = resume(quiz, self.sessions, suspend_data)
        if resumed is not None:
            self.sessions[quiz.id] = resumed
            self.startup_writes[SESSION + quiz.id] = session_to_json(resumed)

    def cmi(self) -> dict[str, str]:
        quiz = self.content.quiz(self.lms_quiz)
        assert quiz is not None
        return cmi_values(quiz, self.sessions.get(quiz.id))

    def boot(self, address: str) -> Output:
        if parse_route(address).name != HOME:
            out = super().boot(address)
        else:  # a SCO starts at its quiz
            target = href(Route(INTRO, self.lms_quiz))
            out = super().boot(target)
            out.redirect = target
        out.lms = self.cmi()
        return out

    def _save(self, quiz_id: str, session: Session, out: Output) -> None:
        before = self.sessions.get(quiz_id)
        super()._save(quiz_id, session, out)
        # A draft is no answer: the LMS hears of answers, finishing and new rounds.
        if quiz_id == self.lms_quiz and (before is None or before.history != session.history):
            out.lms = self.cmi()

    @staticmethod
    def _merge(first: Output, then: Output) -> Output:
        merged = Controller._merge(first, then)
        if merged.lms is None:
            merged.lms = first.lms
        return merged
