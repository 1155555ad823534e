"""app.zip: the engine's shipped modules and the generated files, unpacked by the worker.

The modules come from the kit already written small (``web/build/app_zip.py``: what only builds
left out, comments and docstrings dropped); the generated JSON files are compressed with LZMA
(zip's method 14, which Python's zipfile reads with the lzma module Pyodide has loaded at
start-up anyway): a fifth less to download than deflate.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping

# Fixed timestamp: the same sources give a byte-identical zip (stable hashes, caches).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def app_zip(engine: Mapping[str, bytes], generated: Mapping[str, str]) -> tuple[bytes, str]:
    """The zip of ``engine`` (``quiz_engine/…`` modules), ``generated`` and build_info.json, and
    a sha256 of what went in (the app's version)."""
    files = sorted(engine.items())
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + data)
    for name, text in sorted(generated.items()):
        digest.update(name.encode() + b"\0" + text.encode())
    sha = digest.hexdigest()
    info = {"sha256": sha, "files": len(files)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED, 9)
        for name, text in sorted(generated.items()):
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text, zipfile.ZIP_LZMA)
        zf.writestr(zipfile.ZipInfo("build_info.json", _ZIP_TIME), json.dumps(info))
    return buffer.getvalue(), sha
