"""The app's controller with the seminar's screens added: everything under ``#/seminar``.

The worker runs this one. The quiz's own controller stays as it was; the seminar's messages
and addresses go to the ``Desk``, everything else to the quiz as before.
"""

from __future__ import annotations

from typing import Any

from ..controller import Controller
from ..edition import NEUTRAL, Edition
from ..effects import Output
from ..model import Content
from ..routing import is_seminar, parse_route
from ..strings import Catalogue
from .desk import MESSAGES, Desk


class App(Controller):
    def __init__(
        self,
        content: Content,
        catalogues: dict[str, Catalogue],
        records: dict[str, str],
        persistent: bool = True,
        now: int = 0,
        edition: Edition = NEUTRAL,
    ) -> None:
        super().__init__(content, catalogues, records, persistent, now, edition)
        self.desk = Desk(self, now)

    def dispatch(self, message: dict[str, Any]) -> Output:
        kind = message.get("type")
        seminar_click = kind == "click" and message.get("action") != "lang"
        here = is_seminar(parse_route(str(message.get("address", ""))))
        if kind in MESSAGES or (seminar_click and here):
            return self.desk.dispatch(message)
        return super().dispatch(message)

    def show(self, address: str, focus: str | None = "heading", announce: bool = False) -> Output:
        if is_seminar(parse_route(address)):
            return self.desk.show(address, focus)
        return super().show(address, focus, announce)
