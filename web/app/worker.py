"""The engine's worker, run by PyScript in Pyodide off the main thread (see start.mjs).

It never touches ``window`` or ``document``: the main thread sends plain JSON messages and
draws what comes back, so no cross-origin isolation is needed (PyScript's workers guide).
"""

from __future__ import annotations

import json
import os

from quiz_engine import Catalogue, content_from_json
from quiz_engine.controller import Controller
from quiz_engine.edition import NEUTRAL, edition_from_json
from quiz_engine.lms_controller import LmsController
from quiz_engine.seminar.app import App  # the quiz and the seminar (#/seminar)

_app: Controller | None = None


def begin(records: str, persistent: bool, now: int, address: str, env: str = "{}") -> str:
    """Load the content and the saved records; answer with the first screen. ``env`` says
    where the page runs: ``{"lms": quiz id, "suspend": the LMS's saved progress}`` in an LMS."""
    global _app
    with open("bundle.json", encoding="utf-8") as handle:
        content = content_from_json(handle.read())
    with open("strings.json", encoding="utf-8") as handle:
        catalogues = {k: Catalogue(k, v) for k, v in json.load(handle).items()}
    edition = NEUTRAL
    if os.path.exists("edition.json"):  # only a kommune's edition has one
        with open("edition.json", encoding="utf-8") as handle:
            edition = edition_from_json(handle.read())
    saved, where = json.loads(records), json.loads(env)
    lms, suspend = str(where.get("lms", "")), str(where.get("suspend", ""))
    if content.quiz(lms) is not None:  # launched by an LMS for a quiz this package has
        _app = LmsController(
            content, catalogues, saved, bool(persistent), int(now), lms, suspend, edition
        )
    else:
        _app = App(content, catalogues, saved, bool(persistent), int(now), edition)
    _app.today = str(where.get("today", ""))
    return _app.boot(str(address)).to_json()


def dispatch(message: str) -> str:
    """One event from the page (a JSON string); the answer says what to draw and store."""
    if _app is None:
        raise RuntimeError("begin() first")
    return _app.dispatch(json.loads(message)).to_json()


__export__ = ["begin", "dispatch"]
