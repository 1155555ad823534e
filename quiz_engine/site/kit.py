"""The kit: every file the build reads, by name (``Mapping[str, bytes]``).

Two kinds of name:

- a site path (``pyodide/pyodide.asm.wasm``, ``start.mjs``, ``redaktor/editor.zip``): a file the
  site ships as it is, the same in every edition. A built site lists them in
  ``redaktor/byggesett.json`` (``LISTING``) and holds each one, so the editor fetches them from
  the site it runs on;
- ``kit/…``: what the build turns into other files (the templates, the app's content and UI
  strings as sources, the engine's modules for ``app.zip``, the style sheet and manifest an
  edition rewrites). They travel in ``redaktor/byggesett.zip`` (``ARCHIVE``), itself a site file.

The command line gathers the kit from the repository (``web/build/kit.py``: Node's and Babel's
steps happen there); the editor gets it with ``kit_from_site`` from the files the listing names.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Mapping

Files = Mapping[str, bytes]

EDITOR_FOLDER = "redaktor"
LISTING = f"{EDITOR_FOLDER}/byggesett.json"
# Only in a SCORM package's kit: the worker that keeps the .wasm so the browser can keep its
# compiled code (lms-sw.js), and what registers it.
LMS_ONLY = ("lms-sw.js", "lms-cache.mjs")
ARCHIVE = f"{EDITOR_FOLDER}/byggesett.zip"
KIT_VERSION = 1
SOURCES = "kit/"
PAGE_TEMPLATE = "kit/index.html"
SNAPSHOT_TEMPLATE = "kit/snapshot.mjs"
APP_SW_TEMPLATE = "kit/sw.js"
EDITOR_SW_TEMPLATE = "kit/redaktor-sw.js"
STYLE = "kit/style.css"
MANIFEST = "kit/manifest.webmanifest"
STRINGS = "kit/strings.json"  # the UI catalogues, {"nb": {key: text}, "nn": {...}}
LOCK_INFO = "kit/pyodide-lock-info.json"  # the "info" of Pyodide's lock file
ENGINE = "kit/engine/"  # + quiz_engine/…: the modules app.zip holds, written small
CONTENT = "kit/scenarios/"  # + the app's content files (*.toml)
# The trimmed standard library the app loads (tools/stdlib.py), a site file.
APP_STDLIB = "python_stdlib_app.zip"


def listing(site_files: Iterable[str]) -> bytes:
    """``redaktor/byggesett.json``: the kit's site files (the listing and archive among them)."""
    names = sorted({*site_files, LISTING, ARCHIVE})
    data = {"version": KIT_VERSION, "archive": ARCHIVE, "files": names}
    return (json.dumps(data, indent=1) + "\n").encode()


def kit_from_site(site: Files) -> dict[str, bytes]:
    """The kit from a built site's files: those ``redaktor/byggesett.json`` names (all of them
    given in ``site``, by site path), and what ``redaktor/byggesett.zip`` holds.

    In the editor: ``names = json.loads(files["redaktor/byggesett.json"])["files"]``, fetch each
    from the site's root (``../`` + name from ``redaktor/``), pass them all here.
    """
    data = json.loads(site[LISTING])
    if data.get("version") != KIT_VERSION:
        raise ValueError(f"{LISTING} is of version {data.get('version')}, not {KIT_VERSION}")
    missing = [name for name in data["files"] if name not in site]
    if missing:
        raise ValueError(f"the kit misses {len(missing)} file(s) of the site: {missing[:5]}")
    kit = {name: site[name] for name in data["files"]}
    with zipfile.ZipFile(io.BytesIO(site[data["archive"]])) as archive:
        kit.update((name, archive.read(name)) for name in archive.namelist())
    return kit


def sources(kit: Files, prefix: str) -> dict[str, bytes]:
    """The kit's files under ``prefix``, by their names after it."""
    return {name[len(prefix) :]: data for name, data in kit.items() if name.startswith(prefix)}


def site_files(kit: Files) -> dict[str, bytes]:
    """What the site ships as it is: every kit file not under ``kit/``."""
    return {name: data for name, data in kit.items() if not name.startswith(SOURCES)}
