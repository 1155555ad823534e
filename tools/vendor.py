"""Copy the browser run time (Pyodide + PyScript) from node_modules into a build folder.

Only what a boot fetches goes into dist/, so the app stays small enough to precache.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from tools.node import run_node
from tools.stdlib import trim

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"

# What loadPyodide() fetches: the ES module PyScript imports, the Emscripten glue and the
# wasm. Not the lock file: the app loads no packages, and the worker hands Pyodide its header
# (web/app/templates/snapshot.mjs). The UMD pyodide.js, *.d.ts, consoles and source maps are
# never fetched.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
)
# The standard library goes in trimmed to what the app imports (tools/stdlib.py), under its own
# name so nobody mistakes it for Pyodide's; snapshot.mjs passes it as stdLibURL.
STDLIB = "python_stdlib_app.zip"


def _pyscript_files(src: Path) -> list[Path]:
    # core.js reaches every chunk through static or dynamic imports (plugins are imported
    # even when disabled; codemirror/xterm behind them), and the names carry content hashes
    # that change per release: copy the whole folder. Source maps (3.7 MB) are the only
    # thing certainly unused.
    return sorted(p for p in src.iterdir() if p.is_file() and p.suffix != ".map")


def copy_runtime(dist: Path, node_modules: Path = NODE_MODULES) -> list[Path]:
    """Copy the run time into dist/pyodide/ and dist/pyscript/; return the copied paths
    relative to dist (handy for a service worker's precache list)."""
    pyodide_src = node_modules / "pyodide"
    pyscript_src = node_modules / "@pyscript" / "core" / "dist"
    for folder in (pyodide_src, pyscript_src):
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} is missing: run `make setup`")

    plan = [(pyodide_src / name, Path("pyodide") / name) for name in PYODIDE_FILES]
    plan += [(src, Path("pyscript") / src.name) for src in _pyscript_files(pyscript_src)]
    # An in-memory IndexedDB, imported only where the browser denies storage (a third-party
    # iframe in Chromium): PyScript opens IndexedDB at start-up and would wait for ever.
    # Registers the service worker and tells the page when an update waits (offline.mjs).
    plan.append(
        (
            node_modules / "workbox-window" / "build" / "workbox-window.prod.mjs",
            Path("vendor") / "workbox-window.mjs",
        )
    )
    # The seminar's QR codes, imported only on its screens (web/app/static/seminar.mjs): drawn
    # on a table's tablet, read on the facilitator's where the browser has no BarcodeDetector.
    plan += [
        (
            node_modules / "qrcode-generator" / "dist" / "qrcode.mjs",
            Path("vendor") / "qrcode-generator.mjs",
        ),
        (node_modules / "jsqr" / "dist" / "jsQR.js", Path("vendor") / "jsQR.js"),
        (node_modules / "jsqr" / "LICENSE", Path("vendor") / "jsQR.LICENSE"),
    ]
    fake_idb = node_modules / "fake-indexeddb" / "build" / "esm"
    plan += [
        (src, Path("vendor") / "fake-indexeddb" / src.relative_to(fake_idb))
        for src in sorted(fake_idb.rglob("*.js"))
    ]
    # The licences ride along: redistributing Pyodide (MPL-2.0) and PyScript (Apache-2.0)
    # asks for them, and they are never fetched.
    if (pyscript_src.parent / "LICENSE").is_file():
        plan.append((pyscript_src.parent / "LICENSE", Path("pyscript") / "LICENSE"))

    for src, rel in plan:
        target = dist / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel.name in MINIFIED:
            target.write_bytes(_minify_once(src, node_modules, MINIFIED[rel.name]))
        else:
            shutil.copyfile(src, target)
    _trim_once(pyodide_src / "python_stdlib.zip", dist / "pyodide" / STDLIB)
    return [*(rel for _, rel in plan), Path("pyodide") / STDLIB]


# The seminar's QR libraries come unminified, and every first visit downloads them with the
# offline precache: terser (pinned in package.json) makes them 15 KB (gzip) smaller. Their
# licence header (qrcode-generator's MIT notice) stays on top; jsQR's licence is a file of its own.
MINIFIED = {"jsQR.js": [], "qrcode-generator.mjs": ["--module"]}
_MINIFIED: dict[tuple[str, int], bytes] = {}
HEADER = re.compile(r"(?:[ \t]*//[^\n]*\n)*")


def _minify_once(source: Path, node_modules: Path, options: list[str]) -> bytes:
    key = (str(source.resolve()), source.stat().st_mtime_ns)
    if key not in _MINIFIED:
        text = source.read_text(encoding="utf-8")
        header = HEADER.match(text).group(0)  # type: ignore[union-attr]
        terser = node_modules / "terser" / "bin" / "terser"
        minified = run_node(terser, "-c", "-m", *options, stdin=text, what=f"terser {source}")
        _MINIFIED[key] = (header + minified).encode("utf-8")
    return _MINIFIED[key]


# The trimmed standard library depends only on Pyodide's and on our sources, so one process
# (a release: the site and a SCORM package per quiz) trims it once and copies it after that.
_TRIMMED: dict[tuple[str, int], bytes] = {}


def _trim_once(source: Path, target: Path) -> None:
    key = (str(source.resolve()), source.stat().st_mtime_ns)
    if key in _TRIMMED:
        target.write_bytes(_TRIMMED[key])
        return
    trim(source, target)
    precompile(target)
    _TRIMMED[key] = target.read_bytes()


def precompile(stdlib: Path) -> None:
    """Rewrite the trimmed standard library with its start-up modules as bytecode, compiled by
    the Pyodide we ship, under Node (``tools/stdlib_pyc.mjs`` says why and how)."""
    compiled = stdlib.with_suffix(".pyc.zip")
    script = ROOT / "tools" / "stdlib_pyc.mjs"
    run_node(script, str(stdlib), str(compiled), str(ROOT), what="compiling the standard library")
    compiled.replace(stdlib)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Copy Pyodide and PyScript into DIST.")
    parser.add_argument("dist", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list copied files")
    args = parser.parse_args(argv)
    copied = copy_runtime(args.dist)
    if args.verbose:
        print("\n".join(str(p) for p in copied))
    return 0


if __name__ == "__main__":
    sys.exit(main())
