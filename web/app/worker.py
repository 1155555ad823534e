"""The engine's worker, run by PyScript in Pyodide off the main thread (see start.mjs).

It never touches ``window`` or ``document``: the main thread sends plain JSON messages and
draws what comes back, so no cross-origin isolation is needed (PyScript's workers guide).
Which app the page gets is the engine's rule (``quiz_engine.app.launch``); this module only
reads the files the build wrote and passes the messages on. A start restored from the start-up
snapshot finds them already read, as ``FROZEN_APP`` in ``__main__`` (pyodide/snapshot.mjs puts
it there before the snapshot is taken), and app.zip is then not even unpacked.
"""

from __future__ import annotations

import json
import os

from quiz_engine.app import App, Prepared, launch_prepared, prepare

_app: App | None = None


def _read(name: str) -> str:
    with open(name, encoding="utf-8") as handle:
        return handle.read()


def begin(records: str, persistent: bool, now: int, address: str, env: str = "{}") -> str:
    """Load the content and the saved records; answer with the first screen. ``env`` says
    where the page runs: ``{"lms": quiz id, "suspend": the LMS's saved progress}`` in an LMS."""
    global _app
    prepared: Prepared | None = globals().get("FROZEN_APP")
    if prepared is None:
        edition = _read("edition.json") if os.path.exists("edition.json") else None
        prepared = prepare(_read("bundle.json"), _read("strings.json"), edition)
    _app = launch_prepared(prepared, records, bool(persistent), int(now), env)
    return _app.boot(str(address)).to_json()


def dispatch(message: str) -> str:
    """One event from the page (a JSON string); the answer says what to draw and store."""
    if _app is None:
        raise RuntimeError("begin() first")
    return _app.dispatch(json.loads(message)).to_json()


__export__ = ["begin", "dispatch"]
