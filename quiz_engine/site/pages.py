"""The pages drawn at build time: the home screen in index.html and the stories shown while the
worker starts (prerendered.mjs), with the download line's figures and the module preloads."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from ..base.bundle import content_from_json
from ..base.edition import NEUTRAL, Edition
from ..base.markup import escape
from ..base.strings import Catalogue
from ..run.routing import HOME, INTRO, Route, href
from ..views.context import ViewContext
from ..views.screens import render
from . import edition as edition_files
from .kit import APP_STDLIB as STDLIB
from .precache import glob

PLUGINS = ("error", "deprecations-manager", "donkey", "py-editor", "py-game", "py-terminal")
PLUGIN_CHUNKS = tuple(f"pyscript/{name}-*.js" for name in PLUGINS)


# What the page fetches while Python starts (runtime.mjs), and counts to show progress.
DOWNLOADS = ("pyodide/pyodide.asm.wasm", f"pyodide/{STDLIB}", "app.zip")
# The start-up's texts, both languages, in the page for start.mjs before any engine is there.
BOOT_TEXTS = (
    ("loading", "shell.loading"),
    ("download", "shell.download"),
    ("starting", "shell.starting"),
    ("failed", "shell.boot_failed"),
)


# Failures of other causes than the browser, each in its own words (start.mjs, failureText).
FAILURES = (
    ("damaged", "shell.boot_damaged"),
    ("set-aside", "shell.boot_set_aside"),
    ("network", "shell.boot_network"),
)


def download_attributes(
    files: Mapping[str, bytes], catalogues: dict[str, dict[str, str]], lms: bool
) -> str:
    """The download's size (what runtime.mjs counts), the start-up's texts, and the addresses
    of what Python needs (boot.js asks for the first two on a first visit, runtime.mjs fetches
    them). In an LMS package the .wasm's address carries the build's digest of it: the
    package's service worker (lms-sw.js) keeps it under that address, so no upload gets
    another's copy."""
    total = sum(len(files[name]) for name in DOWNLOADS)
    texts = "".join(
        f' data-{attribute}-{lang}="{escape(catalogues[lang][key])}"'
        for lang in sorted(catalogues)
        for attribute, key in (*BOOT_TEXTS, *FAILURES)
    )
    wasm, stdlib, app = DOWNLOADS
    if lms:
        wasm += f"?v={hashlib.sha256(files[wasm]).hexdigest()[:16]}"
    addresses = f' data-wasm="{escape(wasm)}" data-stdlib="{stdlib}" data-app="{app}"'
    return f' data-total="{total}"{addresses}{texts}'


def module_preloads(files: Mapping[str, bytes]) -> str:
    """<link rel=modulepreload> for the module chain PyScript walks one file at a time, and
    start.mjs's own imports (found only once start.mjs has arrived, otherwise).

    Pyodide's modules are not among them: they load in the engine's worker, not in the page.
    """
    names = [
        name
        for pattern in (
            "names.mjs",
            "runtime.mjs",
            "worker-port.mjs",
            "prerendered.mjs",
            "shell.mjs",  # and its imports: wanted the moment the worker is ready
            "lms.mjs",
            "seminar.mjs",
            "pyscript/core.js",
            "pyscript/core-*.js",
            *PLUGIN_CHUNKS,
        )
        for name in glob(files, pattern)
    ]
    return "".join(f'  <link rel="modulepreload" href="./{name}">\n' for name in names)


def prerender(
    template: str,
    content_json: str,
    catalogues: dict[str, dict[str, str]],
    download: str = "",
    preload: str = "",
    edition: Edition = NEUTRAL,
    lms: bool = False,
) -> str:
    """The home screen in the edition's language (bokmål unless the kommune says otherwise),
    written into ``template`` (the page, web/app/templates/index.html): readable before Python
    has loaded."""
    lang = edition.default_lang
    t = Catalogue(lang, catalogues[lang])
    ctx = ViewContext(content_from_json(content_json), t, edition=edition, lms=lms)
    screen, body = render(ctx, Route(HOME))
    return (
        edition_files.page(template, edition, t)
        .replace("<!--TITLE-->", escape(ctx.page_title(screen)))
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
