"""Build the static site: python -m web.build [--out dist]

dist/ holds everything the browser needs and nothing it doesn't; all URLs in it are
relative, so it can be served from any sub-path of any static host.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from quiz_engine import Catalogue, Content, ContentError, content_to_json, load_content
from quiz_engine.base.edition import NEUTRAL, edition_to_json
from quiz_engine.base.names import SHARED
from quiz_engine.content import kommune as settings_file
from tools.vendor import NODE_MODULES, STDLIB, copy_runtime
from web.build import kommune as local
from web.build.app_zip import write_app_zip
from web.build.catalogues import read_catalogues
from web.build.editor import build_editor
from web.build.pages import download_attributes, module_preloads, prerender, prerendered_module

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "web" / "app"  # what ships
BUILD = ROOT / "web" / "build"  # what only builds
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


def write_service_worker(out: Path, extra: tuple[str, ...] = ()) -> None:
    done = subprocess.run(
        ["node", str(BUILD / "generate_sw.mjs"), str(out), *PRECACHE, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or done.stderr.strip():
        raise RuntimeError(f"Workbox failed:\n{done.stdout}{done.stderr}")


def write_interpreter(out: Path, app_version: str) -> None:
    """The worker's interpreter module, pyodide/snapshot.mjs, with what it must know."""
    template = (APP / "templates" / "snapshot.mjs").read_text(encoding="utf-8")
    # Snapshots are keyed on what goes into them: the app (engine, content, strings), this
    # module (what it freezes) and the worker. A new deployment never restores an old one.
    key = hashlib.sha256(
        app_version.encode() + template.encode() + (APP / "worker.py").read_bytes()
    ).hexdigest()[:16]
    lock = json.loads((NODE_MODULES / "pyodide" / "pyodide-lock.json").read_text("utf-8"))
    (out / "pyodide" / "snapshot.mjs").write_text(
        template.replace("__APP_VERSION__", key)
        .replace("__STDLIB__", STDLIB)
        .replace("__LOCK_INFO__", json.dumps(lock["info"], sort_keys=True)),
        encoding="utf-8",
    )


def edition_content(
    content_dir: Path, kommune: Path | None
) -> tuple[settings_file.Settings | None, Content]:
    """The kommune's checked settings (``None`` for the neutral edition) and its content: ours
    and its own quizzes, placeholders filled in with its settings, the quizzes it shows."""
    if kommune is None:
        return None, load_content([content_dir])
    settings = settings_file.read_settings(kommune)
    folders = [content_dir, *([kommune.parent / settings.extra] if settings.extra else [])]
    content = load_content(folders, settings.edition.values())
    return settings, settings_file.check_show(settings, content)


def build(
    out: Path,
    content_dir: Path = ROOT / "scenarios",
    kommune: Path | None = None,
    quizzes: tuple[str, ...] = (),
    lms: bool = False,
) -> None:
    """Build the site into ``out``: the neutral edition, or ``kommune``'s; ``quizzes`` keeps only
    those (all when empty); ``lms`` prerenders the privacy texts of a SCORM package
    (web/build/scorm.py)."""
    # Bad content or settings fail the build, never the councillor's tablet.
    settings, content = edition_content(content_dir, kommune)
    edition = settings.edition if settings else NEUTRAL
    if quizzes:
        kept = tuple(q for q in content.quizzes if q.id in quizzes)
        content = Content(kept, content.topics, content.sources)
    content_json = content_to_json(content)
    catalogues = read_catalogues()
    t = Catalogue(edition.default_lang, catalogues[edition.default_lang])
    out = out.resolve()
    if out in (ROOT, *ROOT.parents):
        raise ValueError(f"refusing to wipe {out}")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    copy_runtime(out)
    strings = json.dumps(catalogues, ensure_ascii=False, sort_keys=True)
    generated = {"bundle.json": content_json, "strings.json": strings}
    if not edition.neutral:
        generated["edition.json"] = edition_to_json(edition)
    app_version = write_app_zip(out / "app.zip", generated)
    write_interpreter(out, app_version)
    shared = local.output.shared_names(SHARED, edition)
    names = "".join(f"export const {k} = {json.dumps(v)};\n" for k, v in shared.items())
    (out / "names.mjs").write_text(
        "// Generated by web/build.py from quiz_engine/names.py.\n" + names, encoding="utf-8"
    )
    (out / "prerendered.mjs").write_text(
        prerendered_module(content_json, catalogues, edition, lms), encoding="utf-8"
    )
    shutil.copyfile(APP / "worker.py", out / "worker.py")
    shutil.copytree(APP / "static", out, dirs_exist_ok=True)
    extra_files: tuple[str, ...] = ()
    if settings is not None:
        extra_files = local.output.write_edition_files(out, settings, t)
    page = prerender(
        content_json,
        catalogues,
        download_attributes(out, catalogues),
        module_preloads(out),
        edition,
        lms,
    )
    (out / "index.html").write_text(page, encoding="utf-8")
    if not lms:  # an LMS package has no service worker (web/build/scorm.py), nor the editor
        write_service_worker(out, extra_files)
        build_editor(out, content_dir, content if settings is None and not quizzes else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the static site.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--content", type=Path, default=ROOT / "scenarios")
    parser.add_argument(
        "--kommune", type=Path, default=None, help="a kommune's settings file (docs/kommune.md)"
    )
    args = parser.parse_args(argv)
    try:
        build(args.out, args.content, args.kommune)
    except ContentError as error:
        print(error, file=sys.stderr)
        where = "the settings" if error.file.endswith("kommune.toml") else "the content"
        print(
            f"{len(error.problems)} problem(s) in {where}. Nothing was built.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
