"""The editor's Python, run by Pyodide in the editor's own worker (``static/worker.mjs``).

It never touches a page: the shell sends plain JSON messages and applies what comes back.
What the editor does is the engine's (``quiz_engine.editor``); this module reads the files the
build wrote into the editor's zip and passes the messages on.
"""

from __future__ import annotations

import json
import pathlib

from quiz_engine.editor import Editor, launch
from quiz_engine.editor.edition_site import finished_site, site_name

_editor: Editor | None = None


def _read(name: str) -> str:
    with open(name, encoding="utf-8") as handle:
        return handle.read()


def begin(records: str, persistent: bool, now: int, address: str) -> str:
    """Read the app's content and the stored drafts; answer with the first screen."""
    global _editor
    library, bundle, strings = _read("library.json"), _read("bundle.json"), _read("strings.json")
    _editor = launch(library, bundle, strings, records, bool(persistent), int(now))
    return _editor.boot(str(address)).to_json()


def dispatch(message: str) -> str:
    """One message from the page (a JSON string); the answer says what to draw and store."""
    if _editor is None:
        raise RuntimeError("begin() first")
    return _editor.dispatch(json.loads(message)).to_json()


def site(folder: str, out: str) -> str:
    """Build the finished edition from the site's kit files in ``folder`` (fetched by the
    worker) into the zip ``out``; answer its name, or "" while the edition has a problem."""
    if _editor is None:
        raise RuntimeError("begin() first")
    root = pathlib.Path(folder)
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    built = finished_site(_editor.edition, _editor.work.drafts, _editor.library, files)
    if built is None:
        return ""
    pathlib.Path(out).write_bytes(built)
    return site_name(_editor.edition)
