"""Build the SCORM 1.2 package: python -m web.build.scorm [--quizzes a,b] [--out dist-scorm]

Writes ``dist-scorm/folkevalgt-quiz-scorm12.zip``: ``imsmanifest.xml`` at its root (one
organization, one SCO per quiz, each launching ``index.html?sco=<id>``) and the app beside it.

What differs from ``dist/``, and why:
- No service worker (``sw.js`` is left out, and the app does not register one when launched
  with ``?sco=``): Moodle serves the files from ``pluginfile.php/<context>/mod_scorm/content/
  <revision>/``, a path that changes with every upload, so a worker would keep stale copies
  under old paths; and an LMS is online by definition.
- Every ``.mjs`` file is renamed ``.js`` and the references to it rewritten: Moodle's file type
  list (``lib/classes/filetypes.php``) has ``js`` but no ``mjs``, so it would serve modules as
  ``document/unknown`` and the browser refuses a module of that type. ``.wasm`` comes as
  ``application/octet-stream``, which the app already handles (``pyodide/snapshot.mjs``).
- The privacy texts say what goes to the LMS.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from quiz_engine import ContentError, load_content
from web.build.catalogues import read_catalogues
from web.build.site import ROOT, build

PACKAGE = "folkevalgt-quiz-scorm12.zip"
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
LEFT_OUT = ("sw.js", "sw-fetch.js", "sw.js.map", "web.config")
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
    digest = hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]
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


def build_package(out: Path, quizzes: tuple[str, ...] = ()) -> Path:
    """Build the app for an LMS and zip it with its manifest into ``out``; return the zip."""
    content = load_content([ROOT / "scenarios"])
    known = [q.id for q in content.quizzes]
    unknown = [q for q in quizzes if q not in known]
    if unknown:
        raise ValueError(f"unknown quiz {', '.join(unknown)}; the quizzes are: {', '.join(known)}")
    chosen = [q for q in content.quizzes if not quizzes or q.id in quizzes]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site, quizzes=tuple(q.id for q in chosen), lms=True)
        for name in LEFT_OUT:
            (site / name).unlink(missing_ok=True)
        rename_modules(site)
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        title = read_catalogues()["nb"]["app.name"]
        xml = manifest(files, [(q.id, q.title.nb, q.pass_mark) for q in chosen], title)
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        target = out / PACKAGE
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(zipfile.ZipInfo("imsmanifest.xml", _ZIP_TIME), xml, zipfile.ZIP_DEFLATED)
            for name in files:
                info = zipfile.ZipInfo(name, _ZIP_TIME)
                zf.writestr(info, (site / name).read_bytes(), zipfile.ZIP_DEFLATED)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the SCORM 1.2 package.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist-scorm")
    parser.add_argument("--quizzes", default="", help="comma-separated quiz ids (default: all)")
    args = parser.parse_args(argv)
    wanted = tuple(q.strip() for q in args.quizzes.split(",") if q.strip())
    try:
        target = build_package(args.out, wanted)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"make scorm: {error}", file=sys.stderr)
        return 2
    print(f"{target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
