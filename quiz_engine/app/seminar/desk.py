"""The seminar's messages: keys, clicks, the clock, forms and decoded QR codes, to an Output.

The app's controller hands every message for a ``#/seminar`` address here. What is kept on the
device: ``seminar:ID`` (the room's session, its tally and summary) and ``seminar-table:ID`` (a
table tablet's sheet), both under the app's storage prefix.
"""

from __future__ import annotations

from typing import Any

from ...base.bounded import whole_or_none
from ...base.model import Quiz
from ...base.names import SEMINAR_KEY, TABLE_KEY
from ...run.routing import (
    SEMINAR,
    SEMINAR_READ,
    SEMINAR_RUN,
    SEMINAR_SUMMARY,
    SEMINAR_TABLE,
    parse_route,
)
from ...views.context import Screen, ViewContext
from ...views.layout import not_found
from ..effects import Output
from ..page import Page
from ..records import RECORD_NOTICE, set_aside
from . import state as st
from . import table as tb
from .payload import PayloadError, decode
from .records import seminar_from_json, seminar_to_json, sheet_from_json, sheet_to_json
from .selectors import NEXT_STEP, same_control
from .spreadsheet import MEDIA_TYPE, summary_csv
from .tabs import heard
from .views.parts import timer_box, timer_buttons, verdict_words
from .views.read import read_screen, read_status
from .views.run import picker_screen, run_screen
from .views.summary import CSV_LINK, summary_screen
from .views.table import table_screen

MESSAGES = ("seminar-key", "seminar-tick", "seminar-form", "seminar-scan")
TIMER_BOX, TIMER_BUTTONS = "seminar-timer-box", "seminar-timer-buttons"
READ_STATUS = "seminar-read-status"


class Desk:
    """The seminars and table sheets of this device, loaded from its records when first used."""

    def __init__(
        self,
        page: Page,
        records: dict[str, str],
        startup_writes: dict[str, str | None],
        now: int = 0,
    ) -> None:
        self.page = page
        self.seminars: dict[str, st.Seminar] = {}
        self.sheets: dict[str, tb.Sheet] = {}
        self.now = now
        self.time_was_up: set[str] = set()
        # What this tab and the others last agreed on, per record (for merging, ../merge.py).
        self.agreed: dict[str, st.Seminar | tb.Sheet] = {}
        # Why a table's code could not be shown, said once on the next drawing.
        self.table_problems: dict[str, str] = {}
        for key, raw in records.items():
            if key.startswith(SEMINAR_KEY) and (s := seminar_from_json(raw)) is not None:
                self.seminars[s.quiz] = s
                self.agreed[key] = s
            elif key.startswith(TABLE_KEY) and (sheet := sheet_from_json(raw)) is not None:
                self.sheets[sheet.quiz] = sheet
                self.agreed[key] = sheet
            elif key.startswith((SEMINAR_KEY, TABLE_KEY)):
                # Unreadable: kept aside on the device (never deleted), the seminar starts clean.
                set_aside(startup_writes, key, raw, now)
                page.notice(RECORD_NOTICE)

    @property
    def ctx(self) -> ViewContext:
        return self.page.context()

    def seminar(self, quiz: Quiz) -> st.Seminar:
        return self.seminars.get(quiz.id) or st.Seminar(quiz.id)

    def sheet(self, quiz: Quiz) -> tb.Sheet:
        return self.sheets.get(quiz.id) or tb.Sheet(quiz.id)

    # -- drawing -----------------------------------------------------------------------------

    def show(self, address: str, focus: str | None = "heading", announce: str = "") -> Output:
        route = parse_route(address)
        quiz = self.page.content.quiz(route.quiz) if route.quiz else None
        ctx = self.ctx
        out = self.page.draw(ctx, self._screen(ctx, route.name, quiz), address, focus, announce)
        if route.name == SEMINAR_SUMMARY and quiz is not None:
            text = summary_csv(ctx, quiz, self.seminar(quiz))
            out.download = {"id": CSV_LINK, "text": text, "type": MEDIA_TYPE}
        return out

    def _screen(self, ctx: ViewContext, name: str, quiz: Quiz | None) -> Screen:
        if name == SEMINAR:
            return picker_screen(ctx, self.seminars, self.sheets)
        if quiz is None:
            return Screen(ctx.t("notfound.title"), not_found(ctx))
        if name == SEMINAR_RUN:
            return run_screen(ctx, quiz, self.seminar(quiz), self.now)
        if name == SEMINAR_READ:
            return read_screen(ctx, quiz, self.seminar(quiz))
        if name == SEMINAR_SUMMARY:
            return summary_screen(ctx, quiz, self.seminar(quiz))
        if name == SEMINAR_TABLE:
            return table_screen(ctx, quiz, self.sheet(quiz), self.table_problems.pop(quiz.id, ""))
        return Screen(ctx.t("notfound.title"), not_found(ctx))

    # -- messages ----------------------------------------------------------------------------

    def dispatch(self, message: dict[str, Any]) -> Output:
        now = message.get("now")
        if isinstance(now, int | float) and not isinstance(now, bool):
            self.now = max(self.now, int(now))
        address = str(message.get("address", ""))
        route = parse_route(address)
        quiz = self.page.content.quiz(route.quiz) if route.quiz else None
        if quiz is None:
            return Output()
        kind = message.get("type")
        if kind == "seminar-tick":
            return self.tick(quiz)
        if kind == "seminar-scan":
            text = message.get("text")
            return self.scan(quiz, text if isinstance(text, str) else None)
        if kind == "seminar-key" and route.name == SEMINAR_RUN:
            return self.key(quiz, address, str(message.get("key", "")))
        if kind == "seminar-form":
            form = {str(k): str(v) for k, v in dict(message.get("form", {})).items()}
            return self.form(quiz, address, form)
        if kind == "click":
            data = {str(k): str(v) for k, v in dict(message.get("data", {})).items()}
            return self.click(quiz, address, str(message.get("action", "")), data)
        return Output()

    def key(self, quiz: Quiz, address: str, name: str) -> Output:
        before = self.seminar(quiz)
        after = st.key(quiz, before, name)
        if after == before:
            return Output()
        moved = after.step != before.step
        # Focus stays on the seminar's screen (its heading), where its keys act (seminar.mjs).
        return self._saved(quiz, after, address, "heading", moved)

    def click(self, quiz: Quiz, address: str, action: str, data: dict[str, str]) -> Output:
        s = self.seminar(quiz)
        if action == "seminar-step":
            to = s.step + 1 if data.get("to") == "next" else s.step - 1
            if (step := whole_or_none(data.get("to"), 0, 9999)) is not None:
                to = step
            return self._saved(quiz, st.go_to(quiz, s, to), address, "heading", True)
        if action == "seminar-count":
            delta = -1 if data.get("delta") == "-1" else 1
            moved = st.count(quiz, s, data.get("question", ""), data.get("card", ""), delta)
            return self._saved(quiz, moved, address, same_control(action, data))
        if action == "seminar-timer":
            seconds = whole_or_none(data.get("seconds"), 0, 120 * 60) or 0
            moved = st.timer_move(s, data.get("move", ""), self.now, seconds)
            self.time_was_up.discard(quiz.id)
            focus = "#timer-toggle" if data.get("move") in ("start", "pause", "restart") else None
            return self._saved(quiz, moved, address, focus or same_control(action, data))
        if action == "seminar-controls":
            shown = data.get("shown") == "true"
            focus = "#hide-controls" if shown else "#show-controls"
            return self._saved(quiz, st.show_controls(s, shown), address, focus)
        if action == "seminar-blank":
            return self._saved(quiz, st.toggle_blank(s), address, "heading")
        if action == "seminar-new":
            # The old tally is kept aside on the device, never simply deleted.
            self.time_was_up.discard(quiz.id)
            out = self._saved(quiz, st.Seminar(quiz.id), address, "heading")
            out.writes[f"aside:{SEMINAR_KEY}{quiz.id}:{self.now}"] = seminar_to_json(s)
            return out
        return self._table_click(quiz, address, action, data)

    def _table_click(self, quiz: Quiz, address: str, action: str, data: dict[str, str]) -> Output:
        sheet = self.sheet(quiz)
        if action == "table-choose":
            moved = tb.choose(quiz, sheet, data.get("question", ""), data.get("card", ""))
            return self._sheet_saved(quiz, moved, address, same_control(action, data))
        if action == "table-hand-in":
            shown = data.get("shown") == "true"
            if shown and not tb.answered(quiz, sheet):
                # An empty code would hand in nothing: say what is missing, stay on the answers.
                self.table_problems[quiz.id] = "seminar.table_nothing"
                return self.show(address, "#table-hand-in", self.page.t("seminar.table_nothing"))
            return self._sheet_saved(quiz, tb.hand_in(sheet, shown), address, "heading")
        if action == "table-new":
            return self._sheet_saved(quiz, tb.Sheet(quiz.id, sheet.table), address, "heading")
        return Output()

    def form(self, quiz: Quiz, address: str, form: dict[str, str]) -> Output:
        if form.get("form") == "timer":
            minutes = form.get("minutes", "").strip().replace(",", ".")
            try:
                seconds = round(float(minutes) * 60)
            except ValueError:
                seconds = -1
            if not 1 <= seconds <= 120 * 60:
                return self.show(address, "#timer-minutes", self.page.t("seminar.timer_invalid"))
            moved = st.timer_move(self.seminar(quiz), "set", self.now, seconds)
            return self._saved(quiz, moved, address, "#timer-toggle")
        if form.get("form") == "table":
            number = whole_or_none(form.get("table", "").strip(), 0, 10**6) or 0
            sheet = tb.set_table(self.sheet(quiz), number)
            if sheet.table == 0 or sheet.table != number:
                return self.show(address, "#table-number", self.page.t("seminar.table_invalid"))
            return self._sheet_saved(quiz, sheet, address, "heading")
        return Output()

    def tick(self, quiz: Quiz) -> Output:
        """The shell's clock while the timer runs: the face redrawn in place. When the time is
        up the timer stops there (the step stays where it is) and says so once."""
        s = self.seminar(quiz)
        out = Output()
        if s.timer.running and s.timer.is_up(self.now):
            s = st.timer_move(s, "pause", self.now)
            self.seminars[quiz.id] = s
            out.writes[SEMINAR_KEY + quiz.id] = seminar_to_json(s)
            out.parts[TIMER_BUTTONS] = str(timer_buttons(self.ctx, s.timer, self.now))
            if quiz.id not in self.time_was_up:
                self.time_was_up.add(quiz.id)
                out.announce = self.page.t("seminar.time_up")
        out.parts[TIMER_BOX] = str(timer_box(self.ctx, s.timer, self.now))
        return out

    def scan(self, quiz: Quiz, text: str | None) -> Output:
        """A code the shell decoded from the camera or a picture (``None``: no code found)."""
        s = self.seminar(quiz)
        t = self.page.t
        if text is None:
            message = t("seminar.scan_none")
        else:
            try:
                report = decode(quiz, text)
            except PayloadError as error:
                message = t(error.reason, **error.values)
            else:
                again = report.table in s.tables
                s = st.hand_in(s, report.table, report.answers)
                self.seminars[quiz.id] = s
                key = "seminar.scan_again" if again else "seminar.scan_added"
                message = t(key, table=report.table, n=len(report.answers))
        out = Output(
            parts={READ_STATUS: str(read_status(self.ctx, quiz, s, message))}, announce=message
        )
        out.writes[SEMINAR_KEY + quiz.id] = seminar_to_json(s)
        return out

    def stored(self, address: str, key: str, value: str | None) -> Output:
        """Another tab saved a seminar or a table's sheet: merged with this tab's (tabs.py)."""
        return heard(self, address, key, value)

    def forget(self) -> None:
        """Every seminar and sheet of this device was deleted (the about screen)."""
        self.seminars.clear()
        self.sheets.clear()
        self.agreed.clear()
        self.time_was_up.clear()

    # -- state -------------------------------------------------------------------------------

    def _saved(
        self,
        quiz: Quiz,
        seminar: st.Seminar,
        address: str,
        focus: str | None,
        announce_step: bool = False,
    ) -> Output:
        self.seminars[quiz.id] = seminar
        said = ""
        if announce_step:
            said = self.page.t("seminar.step_of", n=seminar.step + 1, total=len(st.steps(quiz)))
        step = st.step_of(quiz, seminar)
        question = quiz.question(step.question) if step.question else None
        if announce_step and step.kind == st.REVEAL and question is not None:
            # Nothing on the screen moves: the room keeps the question and its cards in view,
            # the band under the question shows the assessment, and a screen reader hears it.
            # Focus goes to the step button, which stays where it was (it does not scroll).
            focus = NEXT_STEP
            if st.verdict(question):
                said = self.page.t(
                    "seminar.revealed", step=said, verdict=verdict_words(self.ctx, question)
                )
        out = self.show(address, focus, said)
        out.writes[SEMINAR_KEY + quiz.id] = seminar_to_json(seminar)
        return out

    def _sheet_saved(self, quiz: Quiz, sheet: tb.Sheet, address: str, focus: str | None) -> Output:
        self.sheets[quiz.id] = sheet
        out = self.show(address, focus)
        out.writes[TABLE_KEY + quiz.id] = sheet_to_json(sheet)
        return out
