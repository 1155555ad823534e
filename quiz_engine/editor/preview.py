"""The preview: the councillor's app itself (``quiz_engine.app.compose``), composed on the
draft's content, drawn in a frame beside the forms. What it draws is what a councillor sees,
by the same view functions; it can be played, in bokmål and nynorsk (the app's own switch).

It keeps its records (progress, the language) in memory, never on the device: a preview leaves
no trace in the councillor's saved progress. On new content the app is composed again with the
same records, so an answer given stays while the writer changes a word.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..app import App, Output, compose
from ..base.model import Content
from ..base.strings import Catalogue
from ..run.routing import INTRO, QUESTION, Route, href

QUESTION_MODE, QUIZ_MODE = "question", "quiz"
_KEPT = ("lang",)  # records kept when the preview starts on something else


class Preview:
    def __init__(self, catalogues: dict[str, Catalogue]) -> None:
        self.catalogues = catalogues
        self.records: dict[str, str] = {}
        self.address = ""
        self.app: App | None = None
        self.about: tuple[str, ...] = ()  # what is previewed: draft, mode, question
        self.shown: Content | None = None
        self.stale = False

    def show(
        self, content: Content | None, about: tuple[str, ...], mode: str
    ) -> dict[str, Any] | None:
        """Preview ``content`` (``about`` says what it is); None keeps the last drawing, marked
        as behind the draft. Answers the frame's new drawing, or None when nothing changed."""
        if content is None:
            self.stale = self.app is not None
            return None
        self.stale = False
        if about != self.about:
            self.records = {k: v for k, v in self.records.items() if k in _KEPT}
            self.address = ""
        elif content == self.shown and self.app is not None:
            return None
        self.about, self.shown = about, content
        self.app = compose(content, self.catalogues, dict(self.records))
        self._store(self.app.startup_writes)
        self.app.page.notices.clear()  # nothing to tell: a preview's progress is a test
        quiz = content.quizzes[0]
        if mode == QUESTION_MODE:
            if quiz.id not in self.app.quiz.plays:
                started = self.app.click(
                    href(Route(INTRO, quiz.id)), "start", {"behaviour": "immediate"}, 1
                )
                self._store(started.writes)
            self.address = href(Route(QUESTION, quiz.id, 1))
        elif not self.address:
            self.address = href(Route(INTRO, quiz.id))
        return self._answer(self.app.show(self.address, focus=None))

    def dispatch(self, message: dict[str, Any]) -> dict[str, Any] | None:
        """A message from the preview frame, as the councillor's shell sends it to the app."""
        if self.app is None:
            return None
        if message.get("type") == "show":
            self.address = str(message.get("address", ""))
        try:
            out = self.app.dispatch(message)
        except (ValueError, TypeError, KeyError):
            return None  # not a message the app's shell would send
        return self._answer(out)

    def _answer(self, out: Output) -> dict[str, Any]:
        self._store(out.writes)
        if out.go is not None and self.app is not None:
            self.address = out.go
            out = out.then(self.app.show(out.go))
        elif out.redirect is not None:
            self.address = out.redirect
        drawn = asdict(out)
        drawn["address"] = self.address
        drawn["stale"] = self.stale
        return drawn

    def _store(self, writes: dict[str, str | None]) -> None:
        for key, value in writes.items():
            if value is None or key.startswith("aside:"):
                self.records.pop(key, None)
            else:
                self.records[key] = value
