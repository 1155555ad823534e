"""SCORM 1.2 packages: python -m web.build.scorm [--quizzes a,b] [--all-in-one] [--out DIR]

Writes one package per quiz, ``dist-scorm/<quiz>.zip``, and with ``--all-in-one`` also
``dist-scorm/folkevalgt-quiz-scorm12.zip`` holding every chosen quiz. Each has ``imsmanifest.xml``
at its root (one organization, one SCO per quiz, each launching ``index.html?sco=<id>``) and the
app beside it, built with only its quizzes.

Why one package per quiz: Moodle gives a SCORM activity one grade, and its grading methods
combine the SCOs of a package (the highest, the mean, the sum, or how many are done): with
several quizzes in one package, passing one quiz passes the activity. One quiz per package makes
the activity's grade that quiz's score, and lets a course set its own grade to pass.

What differs from ``dist/``, and why:
- No offline service worker (``sw.js`` is not built, and the app does not register one when
  launched with ``?sco=``): Moodle serves the files from ``pluginfile.php/<context>/mod_scorm/
  content/<revision>/``, a path that changes with every upload, so a worker would keep stale
  copies under old paths; and an LMS is online by definition. Only ``lms-sw.js`` (the kit has it
  in LMS builds only), which keeps the ``.wasm`` typed right so the browser can keep its
  compiled code, under an address with the build's digest of it.
- Only what an LMS launch loads (``shipped``): no seminar QR libraries, no service-worker
  helpers, no embedding script, no PyScript chunks a visit never imports (the editor, the
  terminal, the TOML parser). The site's ``PRECACHE`` list is the measured list of what a visit
  loads; the package keeps that, minus what only the seminar and offline use need.
- Every ``.mjs`` file is renamed ``.js`` and the references to it rewritten: Moodle's file type
  list (``lib/classes/filetypes.php``) has ``js`` but no ``mjs``, so it would serve modules as
  ``document/unknown`` and the browser refuses a module of that type. ``.wasm`` comes as
  ``application/octet-stream``, which the app already handles (``pyodide/snapshot.mjs``).
- The privacy texts say what goes to the LMS.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from quiz_engine import ContentError, Quiz, load_content
from quiz_engine.site.pages import PLUGIN_CHUNKS
from web.build.catalogues import read_catalogues
from web.build.site import ROOT, build

PACKAGE = "folkevalgt-quiz-scorm12.zip"  # the all-in-one; a quiz's own is "<quiz id>.zip"
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# What an LMS launch never loads: the service worker and its helper, the seminar's QR code
# libraries (the seminar is not part of an LMS launch), the embedding script, IIS's settings.
LEFT_OUT = (
    "sw.js",
    "sw-fetch.js",
    "sw.js.map",
    "web.config",
    "embed.js",
    "offline.mjs",
    "vendor/workbox-window.mjs",
    "vendor/qrcode-generator.mjs",
    "vendor/jsQR.js",
    "vendor/jsQR.LICENSE",
)
# Of PyScript, what a visit imports (quiz_engine/site/precache.py's PRECACHE, checked against a
# recording of a whole session) and its licence.
PYSCRIPT_KEPT = (
    "pyscript/core.js",
    "pyscript/core.css",
    "pyscript/core-*.js",
    *PLUGIN_CHUNKS,
    "pyscript/LICENSE",
)
_TEXT = {".js", ".mjs", ".html", ".css", ".json", ".webmanifest"}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def rename_modules(root: Path) -> int:
    """Rename every ``X.mjs`` to ``X.js`` and rewrite the references; return how many."""
    modules = sorted(root.rglob("*.mjs"))
    names = sorted({p.name for p in modules}, key=len, reverse=True)
    for path in modules:
        target = path.with_suffix(".js")
        if target.exists():
            raise RuntimeError(f"{target} exists: cannot rename {path.name}")
    if not names:
        return 0
    pattern = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(n[:-4]) for n in names) + r")\.mjs\b")
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _TEXT:
            text = path.read_text(encoding="utf-8")
            changed = pattern.sub(r"\1.js", text)
            if changed != text:
                path.write_text(changed, encoding="utf-8")
    for path in modules:
        path.rename(path.with_suffix(".js"))
    return len(modules)


def manifest(files: list[str], quizzes: list[tuple[str, str, int]], title: str) -> str:
    """``imsmanifest.xml`` for SCORM 1.2: ``quizzes`` are (id, title, pass mark)."""
    ET.register_namespace("", CP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    ids = [quiz_id for quiz_id, _, _ in quizzes]
    digest = hashlib.sha256("\n".join([*ids, *files]).encode()).hexdigest()[:12]
    root = ET.Element(
        f"{{{CP}}}manifest",
        {
            "identifier": f"folkevalgt-quiz-{digest}",
            "version": "1.2",
            f"{{{XSI}}}schemaLocation": f"{CP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd",
        },
    )
    meta = ET.SubElement(root, f"{{{CP}}}metadata")
    ET.SubElement(meta, f"{{{CP}}}schema").text = "ADL SCORM"
    ET.SubElement(meta, f"{{{CP}}}schemaversion").text = "1.2"
    orgs = ET.SubElement(root, f"{{{CP}}}organizations", {"default": "folkevalgt-quiz"})
    org = ET.SubElement(orgs, f"{{{CP}}}organization", {"identifier": "folkevalgt-quiz"})
    ET.SubElement(org, f"{{{CP}}}title").text = title
    resources = ET.SubElement(root, f"{{{CP}}}resources")
    for quiz_id, quiz_title, pass_mark in quizzes:
        item = ET.SubElement(
            org,
            f"{{{CP}}}item",
            {
                "identifier": f"item-{quiz_id}",
                "identifierref": f"sco-{quiz_id}",
                "isvisible": "true",
                "parameters": f"?sco={quiz_id}",
            },
        )
        ET.SubElement(item, f"{{{CP}}}title").text = quiz_title
        if pass_mark > 0:
            ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(pass_mark)
        sco = ET.SubElement(
            resources,
            f"{{{CP}}}resource",
            {
                "identifier": f"sco-{quiz_id}",
                "type": "webcontent",
                f"{{{ADLCP}}}scormtype": "sco",
                "href": "index.html",
            },
        )
        ET.SubElement(sco, f"{{{CP}}}file", {"href": "index.html"})
        ET.SubElement(sco, f"{{{CP}}}dependency", {"identifierref": "app"})
    app = ET.SubElement(
        resources,
        f"{{{CP}}}resource",
        {"identifier": "app", "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"},
    )
    for name in files:
        ET.SubElement(app, f"{{{CP}}}file", {"href": name})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def shipped(site: Path) -> list[str]:
    """The files of a built site an LMS launch loads, as paths relative to ``site``."""
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return [
        name
        for name in names
        if name not in LEFT_OUT
        and (
            not name.startswith("pyscript/")
            or any(fnmatch.fnmatchcase(name, pattern) for pattern in PYSCRIPT_KEPT)
        )
    ]


def chosen_quizzes(quizzes: tuple[str, ...] = ()) -> list[Quiz]:
    """Our quizzes, or those of ``quizzes`` (in our order); ``ValueError`` names an unknown id."""
    content = load_content([ROOT / "scenarios"])
    known = [q.id for q in content.quizzes]
    unknown = [q for q in quizzes if q not in known]
    if unknown:
        raise ValueError(f"unknown quiz {', '.join(unknown)}; the quizzes are: {', '.join(known)}")
    return [q for q in content.quizzes if not quizzes or q.id in quizzes]


def write_package(target: Path, quizzes: list[Quiz], title: str) -> Path:
    """Build the app for an LMS with ``quizzes`` only, and zip it with its manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site, quizzes=tuple(q.id for q in quizzes), lms=True)
        files = shipped(site)
        for path in sorted(site.rglob("*")):
            if path.is_file() and path.relative_to(site).as_posix() not in files:
                path.unlink()
        rename_modules(site)
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        xml = manifest(files, [(q.id, q.title.nb, q.pass_mark) for q in quizzes], title)
        # Deflate at its best: the package is uploaded through PHP's upload limit.
        with zipfile.ZipFile(target, "w") as zf:
            for name, data in [("imsmanifest.xml", xml.encode()), *_read(site, files)]:
                zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED, 9)
    return target


def _read(site: Path, files: list[str]) -> list[tuple[str, bytes]]:
    return [(name, (site / name).read_bytes()) for name in files]


def build_packages(
    out: Path, quizzes: tuple[str, ...] = (), *, per_quiz: bool = True, all_in_one: bool = False
) -> list[Path]:
    """Empty ``out`` and write a package per quiz (``<quiz>.zip``) and/or the all-in-one
    (``folkevalgt-quiz-scorm12.zip``) into it; return the zips."""
    chosen = chosen_quizzes(quizzes)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    written = [write_package(out / f"{q.id}.zip", [q], q.title.nb) for q in chosen if per_quiz]
    if all_in_one:
        title = read_catalogues()["nb"]["app.name"]
        written.append(write_package(out / PACKAGE, chosen, title))
    return written


def build_package(out: Path, quizzes: tuple[str, ...] = ()) -> Path:
    """The all-in-one package of ``quizzes`` (all when empty) in an emptied ``out``."""
    return build_packages(out, quizzes, per_quiz=False, all_in_one=True)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the SCORM 1.2 packages.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist-scorm")
    parser.add_argument("--quizzes", default="", help="comma-separated quiz ids (default: all)")
    parser.add_argument(
        "--all-in-one", action="store_true", help=f"also {PACKAGE}, every chosen quiz in one"
    )
    args = parser.parse_args(argv)
    wanted = tuple(q.strip() for q in args.quizzes.split(",") if q.strip())
    try:
        targets = build_packages(args.out, wanted, all_in_one=args.all_in_one)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"make scorm: {error}", file=sys.stderr)
        return 2
    for target in targets:
        print(f"{target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
