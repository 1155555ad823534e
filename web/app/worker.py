"""The engine's worker, run by PyScript in Pyodide off the main thread (see start.mjs).

It never touches ``window`` or ``document``: the main thread sends plain JSON messages and
draws what comes back, so no cross-origin isolation is needed (PyScript's workers guide).
"""

from __future__ import annotations

import json

from quiz_engine import Catalogue, content_from_json
from quiz_engine.seminar.app import App  # the quiz and the seminar (#/seminar)

_app: App | None = None


def begin(records: str, persistent: bool, now: int, address: str) -> str:
    """Load the content and the saved records; answer with the first screen."""
    global _app
    with open("bundle.json", encoding="utf-8") as handle:
        content = content_from_json(handle.read())
    with open("strings.json", encoding="utf-8") as handle:
        catalogues = {k: Catalogue(k, v) for k, v in json.load(handle).items()}
    _app = App(content, catalogues, json.loads(records), bool(persistent), int(now))
    return _app.boot(str(address)).to_json()


def dispatch(message: str) -> str:
    """One event from the page (a JSON string); the answer says what to draw and store."""
    if _app is None:
        raise RuntimeError("begin() first")
    return _app.dispatch(json.loads(message)).to_json()


__export__ = ["begin", "dispatch"]
