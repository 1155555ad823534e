"""app.zip: the engine's shipped packages and the generated files, unpacked by the worker.

What only builds (``quiz_engine.base.names.BUILD_ONLY``: the content reader, the exports, the
command line) stays behind, so neither the download nor the start-up snapshot holds it. The
modules go in written small (tools/stdlib.py's ``slim``: the same syntax tree, without
comments and docstrings), and the generated JSON files are compressed with LZMA (zip's method
14, which Python's zipfile reads with the lzma module Pyodide has loaded at start-up anyway):
a fifth less to download than deflate.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from quiz_engine.base.names import BUILD_ONLY
from tools.stdlib import slim

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "quiz_engine"

# Fixed timestamp: the same sources give a byte-identical zip (stable hashes, caches).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def shipped_engine_files() -> list[Path]:
    """The engine's modules the app runs: every ``.py`` file but what only builds."""
    return [
        path
        for path in sorted(ENGINE.rglob("*.py"))
        if path.relative_to(ENGINE).parts[0] not in BUILD_ONLY and "__pycache__" not in path.parts
    ]


def _app_files() -> list[tuple[Path, str]]:
    return [
        (path, f"quiz_engine/{path.relative_to(ENGINE).as_posix()}")
        for path in shipped_engine_files()
    ]


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
            source = path.read_text(encoding="utf-8")
            small = slim(source) or source
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), small, zipfile.ZIP_DEFLATED, 9)
        for name, text in sorted(generated.items()):
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text, zipfile.ZIP_LZMA)
        zf.writestr(zipfile.ZipInfo("build_info.json", _ZIP_TIME), json.dumps(info))
    return sha
