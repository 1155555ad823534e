"""The service workers' lists, computed from the built files: what Node's Workbox did at build
time (``generateSW``) is data here, so the build runs in the browser too.

The app's worker is Workbox's own code (``web/build/sw_template.mjs`` bundles it once into the
kit's ``kit/sw.js``) with Workbox's ``injectManifest`` point, ``self.__WB_MANIFEST``, filled in
with each precached file's URL and revision (the MD5 of its bytes, as Workbox computes it). The
editor's worker (``redaktor/sw.js``) is hand-written; it gets its file list and a version.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase

from .kit import APP_SW_TEMPLATE, EDITOR_SW_TEMPLATE, LISTING, Files

MANIFEST_POINT = "self.__WB_MANIFEST"
# Imported only on the seminar's screens, precached so the seminar works offline too.
SEMINAR_ON_DEMAND = ["vendor/qrcode-generator.mjs", "vendor/jsQR.js"]

# What a visit loads, measured by recording every request of a whole session (a browser test
# checks this list against such a recording): precached for offline use. PyScript imports six
# plugin chunks even when they are disabled; its other chunks (editor, terminal, TOML, ...) and
# the in-memory IndexedDB (needed only where storage, and so offline use, is denied) are not.
# Nor are the install icons: the page never loads them, and the browser fetches and keeps them
# itself when it installs the app.
PRECACHE = [
    "index.html",
    "start.mjs",
    "runtime.mjs",
    "worker-port.mjs",
    "boot.js",
    "offline.mjs",
    "shell.mjs",
    "lms.mjs",
    "seminar.mjs",
    "names.mjs",
    "prerendered.mjs",
    "style.css",
    "icon.svg",
    "worker.py",
    "app.zip",
    "manifest.webmanifest",
    "vendor/workbox-window.mjs",
    *SEMINAR_ON_DEMAND,
    "pyodide/*",
    "pyscript/core.js",
    "pyscript/core.css",
    "pyscript/core-*.js",
    "pyscript/{error,deprecations-manager,donkey,py-editor,py-game,py-terminal}-*.js",
]

# The editor's own files, and what it loads of the app's (all of it kept for offline use).
EDITOR_OWN = [
    "./",
    "./index.html",
    "./editor.mjs",
    "./names.mjs",
    "./worker.mjs",
    "./editor.css",
    "./forhandsvisning.html",
    "./editor.zip",
    "./python_stdlib_editor.zip",
    "./pyodide-lock.json",
]
EDITOR_FROM_THE_APP = [
    "../style.css",
    "../icon.svg",
    "../pyodide/pyodide.mjs",
    "../pyodide/pyodide.asm.mjs",
    "../pyodide/pyodide.asm.wasm",
]


def glob(names: Iterable[str], pattern: str) -> list[str]:
    """The site paths ``pattern`` matches, sorted, as a shell glob does: ``*`` stays within one
    folder, ``{a,b}`` is either; ``glob(["pyodide/a.mjs"], "pyodide/*") == ["pyodide/a.mjs"]``."""
    patterns = _braces(pattern)
    return sorted(name for name in names if any(_match(name, p) for p in patterns))


def _braces(pattern: str) -> list[str]:
    found = re.search(r"\{([^{}]*)\}", pattern)
    if not found:
        return [pattern]
    head, tail = pattern[: found.start()], pattern[found.end() :]
    return [p for choice in found.group(1).split(",") for p in _braces(head + choice + tail)]


def _match(name: str, pattern: str) -> bool:
    parts, wanted = name.split("/"), pattern.split("/")
    return len(parts) == len(wanted) and all(map(fnmatchcase, parts, wanted))


def precache_manifest(files: Files, patterns: Iterable[str]) -> list[dict[str, str]]:
    """Workbox's precache manifest: each matched file once, in the patterns' order, with the MD5
    of its bytes as its revision. A pattern that matches nothing is an error, as Workbox warns
    (and the build refused its warnings)."""
    entries: dict[str, str] = {}
    for pattern in patterns:
        matched = glob(files, pattern)
        if not matched:
            raise ValueError(f"the precache pattern {pattern!r} matches no file")
        for name in matched:
            entries.setdefault(name, hashlib.md5(files[name], usedforsecurity=False).hexdigest())
    return [{"url": url, "revision": revision} for url, revision in entries.items()]


def app_service_worker(kit: Files, files: Files, extra: Iterable[str] = ()) -> bytes:
    """``sw.js``: the kit's Workbox template with the manifest of ``PRECACHE`` and ``extra``."""
    template = kit[APP_SW_TEMPLATE].decode("utf-8")
    if template.count(MANIFEST_POINT) != 1:
        raise ValueError(f"the service worker template needs {MANIFEST_POINT} once")
    manifest = precache_manifest(files, [*PRECACHE, *extra])
    return template.replace(MANIFEST_POINT, json.dumps(manifest, separators=(",", ":"))).encode()


def editor_service_worker(kit: Files, files: Mapping[str, bytes], folder: str) -> bytes:
    """``redaktor/sw.js``: the files to keep, and a version from their bytes. With the editor
    go the site files an edition is built from (``redaktor/byggesett.json`` lists them), so
    "Last ned ferdig utgave" works offline too: 2.7 MB more at the editor's first visit."""
    names = [*EDITOR_OWN, *EDITOR_FROM_THE_APP]
    if LISTING in files:
        kept = {_site_path(folder, n) if n != "./" else f"{folder}/index.html" for n in names}
        for path in json.loads(files[LISTING])["files"]:
            if path not in kept and path != f"{folder}/sw.js":
                names.append(
                    f"./{path[len(folder) + 1 :]}"
                    if path.startswith(f"{folder}/")
                    else f"../{path}"
                )
    digest = hashlib.sha256()
    for name in names:
        path = f"{folder}/index.html" if name == "./" else _site_path(folder, name)
        digest.update(name.encode() + b"\0" + files[path])
    template = kit[EDITOR_SW_TEMPLATE].decode("utf-8")
    return (
        template.replace("__VERSION__", digest.hexdigest()[:16])
        .replace("__FILES__", json.dumps(names))
        .encode()
    )


def _site_path(folder: str, name: str) -> str:
    return name.removeprefix("../") if name.startswith("../") else f"{folder}/{name[2:]}"
