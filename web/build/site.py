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
import zipfile
from pathlib import Path

from quiz_engine import (
    Catalogue,
    Content,
    ContentError,
    Route,
    ViewContext,
    content_to_json,
    load_content,
    render,
)
from quiz_engine.edition import NEUTRAL, Edition, edition_to_json
from quiz_engine.markup import escape
from quiz_engine.names import SHARED
from quiz_engine.routing import HOME, INTRO, href
from tools.vendor import STDLIB, copy_runtime
from web.build import kommune as local
from web.build.catalogues import read_catalogues

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "web" / "app"  # what ships
BUILD = ROOT / "web" / "build"  # what only builds
# What app.zip holds, unpacked into the worker's working directory (on sys.path): (source
# folder, name inside the zip). The worker's own script (web/app/worker.py) is fetched by
# PyScript as the script's src. The bank's export to Moodle (quiz_engine/export/) is for the
# command line and stays behind.
APP_SOURCES = ((ROOT / "quiz_engine", "quiz_engine"),)
LEFT_BEHIND = {"__pycache__", "export"}  # folder names inside a source folder

# Fixed timestamp: the same sources give a byte-identical zip (stable hashes, caches).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _app_files() -> list[tuple[Path, str]]:
    files = []
    for folder, prefix in APP_SOURCES:
        for path in sorted(folder.rglob("*")):
            inside = path.relative_to(folder)
            shipped = not (LEFT_BEHIND & set(inside.parts[:-1])) and path.suffix != ".pyc"
            if path.is_file() and shipped:
                name = inside.as_posix()
                files.append((path, f"{prefix}/{name}" if prefix else name))
    return files


def write_app_zip(target: Path, generated: dict[str, str]) -> str:
    """Zip the app packages, the generated files and build_info.json; return a sha256."""
    files = _app_files()
    digest = hashlib.sha256()
    for path, name in files:
        digest.update(name.encode() + b"\0" + path.read_bytes())
    for name, text in sorted(generated.items()):
        digest.update(name.encode() + b"\0" + text.encode())
    sha = digest.hexdigest()
    info = {"sha256": sha, "files": len(files)}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, name in files:
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), path.read_bytes(), zipfile.ZIP_DEFLATED)
        for name, text in sorted(generated.items()):
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text, zipfile.ZIP_DEFLATED)
        zf.writestr(zipfile.ZipInfo("build_info.json", _ZIP_TIME), json.dumps(info))
    return sha


# Imported only on the seminar's screens, precached so the seminar works offline too.
SEMINAR_ON_DEMAND = ["vendor/qrcode-generator.mjs", "vendor/jsQR.js"]

# What a visit loads, measured by recording every request of a whole session (a browser test
# checks this list against such a recording): precached for offline use. PyScript imports six
# plugin chunks even when they are disabled; its other chunks (editor, terminal, TOML, ...) and
# the in-memory IndexedDB (needed only where storage, and so offline use, is denied) are not.
PRECACHE = [
    "index.html",
    "start.mjs",
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
    "icons/*.png",
    "vendor/workbox-window.mjs",
    *SEMINAR_ON_DEMAND,
    "pyodide/*",
    "pyscript/core.js",
    "pyscript/core.css",
    "pyscript/core-*.js",
    "pyscript/{error,deprecations-manager,donkey,py-editor,py-game,py-terminal}-*.js",
]
PLUGIN_CHUNKS = tuple(
    f"pyscript/{name}-*.js"
    for name in ("error", "deprecations-manager", "donkey", "py-editor", "py-game", "py-terminal")
)


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


# Fetched (not imported) while Python starts: start.mjs counts their bytes to show progress.
DOWNLOADS = (
    "pyodide/pyodide.asm.wasm",
    f"pyodide/{STDLIB}",
    "pyodide/pyodide-lock.json",
    "app.zip",
)


def download_attributes(out: Path, catalogues: dict[str, dict[str, str]]) -> str:
    total = sum((out / name).stat().st_size for name in DOWNLOADS)
    texts = "".join(
        f' data-{attribute}-{lang}="{escape(catalogues[lang][key])}"'
        for lang in sorted(catalogues)
        for attribute, key in (("download", "shell.download"), ("failed", "shell.boot_failed"))
    )
    return f' data-total="{total}"{texts}'


def module_preloads(out: Path) -> str:
    """<link rel=modulepreload> for the module chain PyScript walks one file at a time, and
    start.mjs's own imports (found only once start.mjs has arrived, otherwise).

    Pyodide's modules are not among them: they load in the engine's worker, not in the page.
    """
    names = [
        p.relative_to(out).as_posix()
        for pattern in (
            "names.mjs",
            "prerendered.mjs",
            "shell.mjs",  # and its imports: wanted the moment the worker is ready
            "lms.mjs",
            "seminar.mjs",
            "pyscript/core.js",
            "pyscript/core-*.js",
            *PLUGIN_CHUNKS,
        )
        for p in sorted(out.glob(pattern))
    ]
    return "".join(f'  <link rel="modulepreload" href="./{name}">\n' for name in names)


def prerender(
    content_json: str,
    catalogues: dict[str, dict[str, str]],
    download: str = "",
    preload: str = "",
    edition: Edition = NEUTRAL,
    lms: bool = False,
) -> str:
    """The home screen in the edition's language (bokmål unless the kommune says otherwise),
    written into index.html: readable before Python has loaded."""
    from quiz_engine import content_from_json

    lang = edition.default_lang
    t = Catalogue(lang, catalogues[lang])
    ctx = ViewContext(content_from_json(content_json), t, edition=edition, lms=lms)
    screen, body = render(ctx, Route(HOME))
    template = local.output.page(
        (APP / "templates" / "index.html").read_text(encoding="utf-8"), edition, t
    )
    return (
        template.replace("<!--TITLE-->", escape(ctx.page_title(screen)))
        .replace("<!--APP-->", body)
        .replace("<!--LOADING-->", escape(t("shell.loading")))
        .replace("<!--DOWNLOAD-->", download)
        .replace("<!--PRELOAD-->", preload)
    )


def prerendered_module(
    content_json: str,
    catalogues: dict[str, dict[str, str]],
    edition: Edition = NEUTRAL,
    lms: bool = False,
) -> str:
    """Home and every quiz's story in both languages, shown while the worker starts."""
    from quiz_engine import content_from_json

    content = content_from_json(content_json)
    pages: dict[str, dict[str, str]] = {}
    for lang in sorted(catalogues):
        ctx = ViewContext(content, Catalogue(lang, catalogues[lang]), edition=edition, lms=lms)
        routes = [Route(HOME), *(Route(INTRO, quiz.id) for quiz in content.quizzes)]
        pages[lang] = {href(route): str(render(ctx, route)[1]) for route in routes}
    data = json.dumps(pages, ensure_ascii=False, sort_keys=True)
    return (
        "// Generated by web/build.py: the screens that need no engine, drawn at build time.\n"
        f"const PAGES = {data};\n"
        "export function prerendered(hash, lang) {\n"
        '  const key = hash === "" || hash === "#" ? "#/" : hash.replace(/\\/$/, "");\n'
        "  return PAGES[lang]?.[key] ?? null;\n"
        "}\n"
    )


def edition_content(
    content_dir: Path, kommune: Path | None
) -> tuple[local.Settings | None, Content]:
    """The kommune's checked settings (``None`` for the neutral edition) and its content: ours
    and its own quizzes, placeholders filled in with its settings, the quizzes it shows."""
    if kommune is None:
        return None, load_content([content_dir])
    settings = local.read_settings(kommune)
    folders = [content_dir, *([settings.extra] if settings.extra else [])]
    content = load_content(folders, settings.edition.values())
    return settings, local.check_show(settings, content)


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
    # Snapshots are keyed on the app's version: a new deployment never restores an old one.
    snapshot = (APP / "templates" / "snapshot.mjs").read_text(encoding="utf-8")
    (out / "pyodide" / "snapshot.mjs").write_text(
        snapshot.replace("__APP_VERSION__", app_version[:16]).replace("__STDLIB__", STDLIB),
        encoding="utf-8",
    )
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
    write_service_worker(out, extra_files)


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
