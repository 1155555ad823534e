"""Gather the kit from the repository: every file the pure build (``quiz_engine.site``) reads.

What needs Node or Babel happens here, never in the build itself: the run time copied from
node_modules (and Pyodide's standard library trimmed), our scripts stripped of comments and
layout (``minify.mjs``), the catalogues compiled, Workbox's
service-worker code bundled into a template (``sw_template.mjs``), the editor's files made.
``quiz_engine/site/kit.py`` describes the names.
"""

from __future__ import annotations

import functools
import io
import json
import subprocess
import tempfile
import zipfile
from pathlib import Path

from quiz_engine.base.errors import ContentError
from quiz_engine.content.loader import content_files
from quiz_engine.site import kit as names
from tools.node import run_node
from tools.vendor import NODE_MODULES, copy_runtime
from web.build.app_zip import engine_sources
from web.build.catalogues import read_catalogues
from web.build.editor import editor_files

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "web" / "app"
BUILD = ROOT / "web" / "build"
EDITOR = ROOT / "web" / "editor"
# Rewritten by an edition: in the kit as sources (kit/…), never as site files.
EDITION_REWRITES = ("style.css", "manifest.webmanifest")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@functools.cache
def gather_kit(content_dir: Path, lms: bool = False) -> dict[str, bytes]:
    """The kit for the app's content in ``content_dir``; ``lms`` leaves out what only a site with
    a service worker and an editor needs. Gathered once per process (a release builds often)."""
    kit = {
        **_runtime(),
        **_static_files(lms),
        "worker.py": (APP / "worker.py").read_bytes(),
        **_sources(),
        **{names.CONTENT + n: d for n, d in app_content(content_dir).items()},
    }
    if lms:
        return kit
    kit[names.APP_SW_TEMPLATE] = _service_worker_template()
    kit[names.EDITOR_SW_TEMPLATE] = (EDITOR / "templates" / "sw.js").read_bytes()
    folder = names.EDITOR_FOLDER
    kit.update((f"{folder}/{n}", d) for n, d in editor_files(content_dir).items())
    sources = {n: d for n, d in sorted(kit.items()) if n.startswith(names.SOURCES)}
    site = [n for n in kit if not n.startswith(names.SOURCES)]
    kit[names.ARCHIVE] = _zip(sources)
    kit[names.LISTING] = names.listing(site)
    return kit


def app_content(content_dir: Path) -> dict[str, bytes]:
    """The app's content files, by their names in ``content_dir``."""
    files, problems = content_files([content_dir])
    if problems:
        raise ContentError(problems)
    return {p.relative_to(content_dir).as_posix(): p.read_bytes() for p in files}


def _runtime() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        copied = copy_runtime(Path(folder))
        return {p.as_posix(): (Path(folder) / p).read_bytes() for p in copied}


def _static() -> list[Path]:
    static = APP / "static"
    found = sorted(p for p in static.rglob("*") if p.is_file())
    return [p for p in found if p.relative_to(static).as_posix() not in EDITION_REWRITES]


def _static_files(lms: bool) -> dict[str, bytes]:
    """The page's static files; our scripts as they ship (``minify.mjs``: comments and layout
    dropped, 9 KB less gzip on every first visit)."""
    files = {
        p.relative_to(APP / "static").as_posix(): p.read_bytes()
        for p in _static()
        if lms or p.name not in names.LMS_ONLY
    }
    scripts = {n: d.decode("utf-8") for n, d in files.items() if n.endswith((".js", ".mjs"))}
    minified = run_node(BUILD / "minify.mjs", stdin=json.dumps(scripts), what="terser")
    shipped: dict[str, str] = json.loads(minified)
    return {**files, **{n: code.encode("utf-8") for n, code in shipped.items()}}


def _sources() -> dict[str, bytes]:
    lock = json.loads((NODE_MODULES / "pyodide" / "pyodide-lock.json").read_bytes())
    return {
        names.PAGE_TEMPLATE: (APP / "templates" / "index.html").read_bytes(),
        names.SNAPSHOT_TEMPLATE: (APP / "templates" / "snapshot.mjs").read_bytes(),
        names.STYLE: (APP / "static" / "style.css").read_bytes(),
        names.MANIFEST: (APP / "static" / "manifest.webmanifest").read_bytes(),
        names.STRINGS: json.dumps(read_catalogues(), ensure_ascii=False, sort_keys=True).encode(),
        names.LOCK_INFO: json.dumps(lock["info"], sort_keys=True).encode(),
        **{names.ENGINE + n: d for n, d in engine_sources().items()},
    }


def _service_worker_template() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sw.js"
        done = subprocess.run(
            ["node", str(BUILD / "sw_template.mjs"), str(target)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or done.stderr.strip():
            raise RuntimeError(f"Workbox failed:\n{done.stdout}{done.stderr}")
        return target.read_bytes()


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED, 9)
    return buffer.getvalue()
