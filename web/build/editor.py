"""Build the quiz editor into ``dist/redaktor/``: a page of its own, beside the app's.

It has its own worker (``worker.mjs``: Pyodide, the app's copy in ``../pyodide/``, running
``quiz_engine.editor``), its own zip (``editor.zip``: the whole engine with the content reader
the app leaves out, tomli-w from site-packages, the app's content as texts and as checked, the
UI strings), its own standard library (what that Python imports, trimmed as the app's is) and
its own service worker (scope ``redaktor/``). The app's page and precache hold none of it.
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path

from quiz_engine import Catalogue, Content, content_to_json, load_content
from quiz_engine.base.markup import html
from quiz_engine.base.names import DEFAULT_LANG, EDITOR_PREFIX, LANGUAGES
from quiz_engine.editor.library import Library, library_from_json, library_to_json
from quiz_engine.editor.screens import frame, start_screen
from quiz_engine.site.kit import EDITOR_SW_TEMPLATE
from quiz_engine.site.precache import EDITOR_FROM_THE_APP, EDITOR_OWN, editor_service_worker
from tools.stdlib import DROP, KEEP, closure, imports_in, slim
from web.build.catalogues import read_catalogues

ROOT = Path(__file__).resolve().parents[2]
EDITOR = ROOT / "web" / "editor"
ENGINE = ROOT / "quiz_engine"
FOLDER = "redaktor"
STDLIB = "python_stdlib_editor.zip"
OWN = EDITOR_OWN
FROM_THE_APP = EDITOR_FROM_THE_APP
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def editor_python() -> list[tuple[str, bytes]]:
    """What the editor's worker imports: the engine (all of it but the command line), tomli-w
    as installed (with its licence), and the worker module."""
    files = [
        (f"quiz_engine/{p.relative_to(ENGINE).as_posix()}", p.read_bytes())
        for p in sorted(ENGINE.rglob("*.py"))
        if "__pycache__" not in p.parts and p.name != "__main__.py"
    ]
    dist = importlib.metadata.distribution("tomli-w")
    for entry in dist.files or []:
        name = entry.as_posix()
        if name.startswith("tomli_w/") and name.endswith((".py", ".typed")):
            files.append((name, Path(str(dist.locate_file(entry))).read_bytes()))
        elif name.endswith("/LICENSE"):
            files.append(("tomli_w/LICENSE", Path(str(dist.locate_file(entry))).read_bytes()))
    files.append(("editor_worker.py", (EDITOR / "editor_worker.py").read_bytes()))
    return files


def zip_bytes(files: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# Of what the app's standard library leaves out (tools/stdlib.py's DROP), what the editor
# imports: tomli-w writes decimals; a kommune's coat of arms is checked with expat
# (quiz_engine/content/kommune/images.py).
EDITOR_NEEDS = ("decimal", "numbers", "xml")


def trim_stdlib(source: Path, python: list[tuple[str, bytes]]) -> bytes:
    """Pyodide's standard library cut to what the editor's Python can import (the app's rules,
    tools/stdlib.py: every module reachable by an import, written small)."""
    roots = set(KEEP)
    for name, data in python:
        if name.endswith(".py"):
            roots |= imports_in(data.decode("utf-8"))
    with zipfile.ZipFile(source) as zin:
        names = set(zin.namelist())
        read = {n: zin.read(n).decode("utf-8", "replace") for n in names if n.endswith(".py")}
        keep = closure(names, roots, read, [d for d in DROP if d not in EDITOR_NEEDS])
        dirs = {n for n in names if n.endswith("/") and any(k.startswith(n) for k in keep)}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename in keep or info.filename in dirs:
                    data = zin.read(info.filename)
                    small = slim(data.decode("utf-8")) if info.filename in read else None
                    zout.writestr(info, small.encode() if small else data, zipfile.ZIP_DEFLATED, 9)
    return buffer.getvalue()


def editor_files(content_dir: Path, content: Content | None = None) -> dict[str, bytes]:
    """The files of ``redaktor/`` but its service worker (``quiz_engine/site/precache.py``
    writes it from the built site), by their names in it, for the content in ``content_dir``
    (checked: it is checked again here unless ``content`` is what it makes). The same in every
    edition: the editor offers the app's own content."""
    content = content if content is not None else load_content([content_dir])
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(content_dir.glob("*.toml"))}
    catalogues = read_catalogues()
    library = library_to_json(files, content)
    bundle = content_to_json(content)
    strings = json.dumps(catalogues, ensure_ascii=False, sort_keys=True)
    python = editor_python()
    generated = [(n, t.encode()) for n, t in (("library.json", library), ("bundle.json", bundle))]
    out = {"editor.zip": zip_bytes([*python, *generated, ("strings.json", strings.encode())])}
    out[STDLIB] = trim_stdlib(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip", python)
    out.update((path.name, path.read_bytes()) for path in sorted((EDITOR / "static").iterdir()))
    shared = {"EDITOR_PREFIX": EDITOR_PREFIX, "LANGUAGES": LANGUAGES, "DEFAULT_LANG": DEFAULT_LANG}
    out["names.mjs"] = (
        "// Generated by web/build/editor.py from quiz_engine/base/names.py.\n"
        + "".join(f"export const {k} = {json.dumps(v)};\n" for k, v in shared.items())
    ).encode()
    out["index.html"] = page(catalogues, library_from_json(library, bundle)).encode()
    # Pyodide's lock file cut to its header, as the app's snapshot.mjs has it: no packages
    # are loaded, and the app's dist/ does not ship the whole file.
    lock = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_bytes())
    out["pyodide-lock.json"] = json.dumps(
        {"info": lock["info"], "packages": {}}, sort_keys=True
    ).encode()
    return out


def build_editor(out: Path, content_dir: Path, content: Content | None = None) -> None:
    """Write ``out/redaktor/`` beside the app built in ``out`` (its Pyodide, style sheet and
    icon go into the editor's service worker)."""
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in editor_files(content_dir, content).items():
        (folder / name).write_bytes(data)
    site = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for name in (*OWN, *FROM_THE_APP)
        if (p := (folder / (name if name != "./" else "index.html")).resolve()).is_file()
    }
    kit = {EDITOR_SW_TEMPLATE: (EDITOR / "templates" / "sw.js").read_bytes()}
    (folder / "sw.js").write_bytes(editor_service_worker(kit, site, FOLDER))


def page(catalogues: dict[str, dict[str, str]], library: Library) -> str:
    """The editor's page, with its start screen drawn (the drafts come when it starts)."""
    t = Catalogue(DEFAULT_LANG, catalogues[DEFAULT_LANG])
    nn = Catalogue("nn", catalogues["nn"])
    body = frame(t, start_screen(t, library, []))
    template = (EDITOR / "templates" / "index.html").read_text(encoding="utf-8")
    failed = html(
        ' data-failed-nb="{}" data-failed-nn="{}"',
        t("editor.boot.failed"),
        nn("editor.boot.failed"),
    )
    return (
        template.replace("<!--LANG-->", DEFAULT_LANG)
        .replace("<!--TITLE-->", f"{t('editor.start.heading')} · {t('editor.name')}")
        .replace("<!--APP-->", str(body))
        .replace("<!--FAILED-->", str(failed))
        .replace("<!--LOADING-->", t("editor.boot.loading"))
    )
