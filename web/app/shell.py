"""The imperative shell: the only code that touches the browser.

It keeps the sessions, listens to clicks, form submits, typing and address changes, calls the
engine's pure transitions and views, saves after every change, and moves focus like a screen
reader user expects. Runs in Pyodide under PyScript (main thread).
"""

from __future__ import annotations

import json
from typing import Any

from pyodide.ffi import create_proxy, jsnull  # type: ignore[import-not-found]
from pyscript import document, window  # type: ignore[import-not-found]
from storage import PREFIX, Storage

from quiz_engine import (
    Catalogue,
    MoveError,
    Response,
    Route,
    SavedStateError,
    Session,
    ViewContext,
    answer,
    back,
    check_session,
    content_from_json,
    finish,
    href,
    next_question,
    parse_route,
    render,
    replay,
    reset,
    retry,
    save_draft,
    session_from_json,
    session_to_json,
    start,
)
from quiz_engine.markup import escape
from quiz_engine.routing import INTRO, QUESTION, RESULTS
from quiz_engine.session import DEFERRED


class Shell:
    def __init__(self) -> None:
        with open("bundle.json", encoding="utf-8") as handle:
            self.content = content_from_json(handle.read())
        with open("strings.json", encoding="utf-8") as handle:
            self.catalogues = {k: Catalogue(k, v) for k, v in json.load(handle).items()}
        self.store = Storage(window)
        stored_lang = self.store.get("lang")
        self.lang = stored_lang if stored_lang in self.catalogues else "nb"
        self.last_quiz = self.store.get("last") or ""
        self.revealed: set[str] = set()
        self.notices: list[tuple[str, dict[str, str]]] = []
        if not self.store.persistent:
            self.notices.append(("shell.storage_off", {}))
        self.sessions = self._load_sessions()
        self.root = document.getElementById("app")
        self._proxies: list[Any] = []

    # -- start-up ------------------------------------------------------------------------------

    def _load_sessions(self) -> dict[str, Session]:
        sessions = {}
        for quiz in self.content.quizzes:
            raw = self.store.get(f"session:{quiz.id}")
            if raw is None:
                continue
            try:
                session = session_from_json(raw)
                check_session(quiz, session)
                sessions[quiz.id] = session
            except SavedStateError:
                # Keep the old record (never delete what the councillor wrote), start clean.
                stamp = str(int(window.Date.now()))
                self.store.set(f"aside:{quiz.id}:{stamp}", raw)
                self.store.remove(f"session:{quiz.id}")
                self.notices.append(("shell.progress_reset", {"quiz": quiz.title.get(self.lang)}))
        return sessions

    def boot(self) -> None:
        self._listen(self.root, "click", self.on_click)
        self._listen(self.root, "submit", self.on_submit)
        self._listen(self.root, "input", self.on_input)
        self._listen(window, "hashchange", lambda event: self.show(focus="heading"))
        self._listen(document.getElementById("notices"), "click", self.on_notice_click)
        self._listen(window, "quiz-update-waiting", lambda event: self.offer_update())
        self._listen(window, "storage", self.on_other_tab)
        self.show(focus=None)
        document.documentElement.classList.add("app-ready")
        window.performance.mark("quiz:interactive")
        # Now, and not before: offline.mjs registers the service worker (see start.mjs).
        window.dispatchEvent(window.Event.new("quiz-ready"))

    def _listen(self, target: Any, name: str, handler: Any) -> None:
        proxy = create_proxy(handler)
        self._proxies.append(proxy)
        target.addEventListener(name, proxy)

    # -- rendering -----------------------------------------------------------------------------

    @property
    def t(self) -> Catalogue:
        return self.catalogues[self.lang]

    def show(
        self, focus: str | None = "heading", announce: bool = False, sync: bool = True
    ) -> None:
        route = parse_route(str(window.location.hash))
        redirect = self._sync(route) if sync else None
        if redirect is not None:
            window.location.replace(redirect)
            return
        ctx = ViewContext(self.content, self.t, self.sessions, frozenset(self.revealed))
        screen, page = render(ctx, route, self.last_quiz)
        self.root.innerHTML = page
        # Which address the screen shows: tests wait on it instead of sleeping.
        document.body.dataset.rendered = str(window.location.hash)
        document.title = f"{screen.title} · {self.t('app.name')}"
        document.documentElement.lang = self.lang
        self._show_notices()
        if announce and screen.announce:
            self.say(screen.announce)
        if focus == "heading":
            self._focus("#main h1")
        elif focus is not None:
            self._focus(focus) or self._focus("#main h1")

    def _focus(self, selector: str) -> bool:
        element = _js(document.querySelector(selector))
        if element is None:
            return False
        element.focus()
        return True

    def say(self, text: str) -> None:
        region = document.getElementById("announce")
        region.textContent = ""
        # A new text node each time, so screen readers announce a repeated grade again.
        window.setTimeout(create_proxy(lambda: setattr(region, "textContent", text)), 50)

    def offer_update(self) -> None:
        if ("shell.update_ready", {}) not in self.notices:
            self.notices.append(("shell.update_ready", {}))
            self._show_notices()

    def _show_notices(self) -> None:
        box = document.getElementById("notices")
        parts = []
        for n, (key, values) in enumerate(self.notices):
            text = escape(self.t(key, **values))
            label = escape(self.t("shell.dismiss"))
            update = ""
            if key == "shell.update_ready":
                now = escape(self.t("shell.update_now"))
                update = (
                    f'<button type="button" class="button primary" data-update="1">{now}</button>'
                )
            parts.append(
                f'<div class="notice" role="status"><p>{text}</p>{update}<button type="button" '
                f'class="button secondary" data-dismiss="{n}">{label}</button></div>'
            )
        box.innerHTML = "".join(parts)

    def _sync(self, route: Route) -> str | None:
        """Bring the session to the question in the address, or say where to go instead."""
        quiz = self.content.quiz(route.quiz) if route.quiz else None
        if quiz is None or route.name not in (QUESTION, RESULTS):
            return None
        session = self.sessions.get(quiz.id)
        if session is None:
            # Not started: a link to a question leads to the story, a bad number to "not found".
            return href(Route(INTRO, quiz.id)) if route.position <= len(quiz.questions) else None
        state = replay(quiz, session)
        if route.name == QUESTION and route.position > len(state.path):
            return None
        if route.name == RESULTS:
            return None if state.finished else href(Route(INTRO, quiz.id))
        free = session.behaviour == DEFERRED or state.finished
        unanswered = [i for i, q in enumerate(state.path) if q not in state.answers]
        limit = len(state.path) - 1 if free or not unanswered else unanswered[0]
        target = route.position - 1
        if target > limit:
            return href(Route(QUESTION, quiz.id, limit + 1))
        moved = session
        for _ in range(abs(target - state.position)):
            step = next_question if target > state.position else back
            moved = step(quiz, moved)
        if moved is not session:
            self._save(quiz.id, moved)
        return None

    # -- events --------------------------------------------------------------------------------

    def on_click(self, event: Any) -> None:
        button = _js(event.target.closest("[data-action]"))
        if button is None or str(button.tagName) == "FORM":
            return
        action = str(button.dataset.action)
        route = parse_route(str(window.location.hash))
        quiz = self.content.quiz(route.quiz) if route.quiz else None
        if action == "lang":
            self.lang = str(button.dataset.lang)
            self.store.set("lang", self.lang)
            self.show(focus=f'[data-lang="{self.lang}"]')
            return
        if quiz is None:
            return
        session = self.sessions.get(quiz.id)
        try:
            if action == "start":
                seed = int(window.Math.random() * 2**31)
                self._save(quiz.id, start(quiz, str(button.dataset.behaviour), seed))
                self._go(Route(QUESTION, quiz.id, 1))
            elif action == "reveal":
                self.revealed.add(str(button.dataset.question))
                self.show(focus=".model-answer h2")
            elif session is not None and action == "finish":
                self._save(quiz.id, finish(quiz, session))
                self._go(Route(RESULTS, quiz.id))
            elif session is not None and action in ("retry", "reset"):
                step = retry if action == "retry" else reset
                self._save(quiz.id, step(quiz, session))
                self.revealed.clear()
                self._go(Route(QUESTION, quiz.id, 1))
        except MoveError:
            self.show()

    def on_submit(self, event: Any) -> None:
        form = event.target
        if str(form.dataset.action) != "answer":
            return
        event.preventDefault()
        route = parse_route(str(window.location.hash))
        quiz = self.content.quiz(route.quiz)
        session = self.sessions.get(route.quiz)
        question = quiz.question(str(form.dataset.question)) if quiz else None
        if quiz is None or session is None or question is None:
            return
        choices = tuple(str(el.value) for el in form.querySelectorAll("[name=choice]:checked"))
        ticked = tuple(str(el.value) for el in form.querySelectorAll("[name=ticked]:checked"))
        area = _js(form.querySelector("textarea"))
        text = str(area.value) if area is not None else ""
        level = _js(form.querySelector("[name=confidence]:checked"))
        confidence = int(level.value) if level is not None else None
        if question.kind != "reflection" and not choices:
            return self._form_error(form, "question.choose_answer")
        if question.confidence and confidence is None:
            return self._form_error(form, "question.choose_confidence")
        try:
            moved = answer(quiz, session, question.id, Response(choices, text, ticked), confidence)
        except MoveError:
            return self.show()
        self._save(quiz.id, moved)
        self.show(focus="#feedback-heading", announce=True)

    def _form_error(self, form: Any, key: str) -> None:
        box = form.querySelector(".form-error")
        box.textContent = self.t(key)
        box.hidden = False
        first = _js(form.querySelector("input:not([disabled])"))
        if first is not None:
            first.focus()

    def on_input(self, event: Any) -> None:
        target = event.target
        draft = _js(target.getAttribute("data-draft"))
        route = parse_route(str(window.location.hash))
        session = self.sessions.get(route.quiz)
        if draft and session is not None:
            self._save(route.quiz, save_draft(session, str(draft), str(target.value)))

    def on_other_tab(self, event: Any) -> None:
        """Another tab saved progress: take it over, so this tab never writes over it."""
        key = _js(event.key)
        prefix = PREFIX + "session:"
        if not isinstance(key, str) or not key.startswith(prefix):
            return
        quiz = self.content.quiz(key.removeprefix(prefix))
        raw = _js(event.newValue)
        if quiz is None:
            return
        if not isinstance(raw, str):
            self.sessions.pop(quiz.id, None)
        else:
            try:
                session = session_from_json(raw)
                check_session(quiz, session)
            except SavedStateError:
                return  # the other tab will set it aside itself
            self.sessions[quiz.id] = session
        # Re-render only: moving the session to this tab's question would save, the other tab
        # would move it back, and the two would argue for ever.
        self.show(focus=None, sync=False)

    def on_notice_click(self, event: Any) -> None:
        if _js(event.target.closest("[data-update]")) is not None:
            # Progress is already saved after every answer; the new version reads it back.
            window.dispatchEvent(window.Event.new("quiz-apply-update"))
            return
        button = _js(event.target.closest("[data-dismiss]"))
        if button is not None:
            del self.notices[int(button.dataset.dismiss)]
            self._show_notices()
            self._focus("#main h1")

    # -- state ---------------------------------------------------------------------------------

    def _save(self, quiz_id: str, session: Session) -> None:
        self.sessions[quiz_id] = session
        self.last_quiz = quiz_id
        kept = self.store.set(f"session:{quiz_id}", session_to_json(session))
        self.store.set("last", quiz_id)
        if not kept and ("shell.storage_off", {}) not in self.notices:
            self.notices.append(("shell.storage_off", {}))
            self._show_notices()

    def _go(self, route: Route) -> None:
        target = href(route)
        if str(window.location.hash) == target:
            self.show()
        else:
            window.location.hash = target


def _js(value: Any) -> Any:
    """DOM look-ups answer JS null as ``jsnull``; make it ``None`` so ``is None`` works."""
    return None if value is None or value is jsnull else value
