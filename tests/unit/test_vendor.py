"""What tools/vendor.py ships: the seminar's QR libraries minified with their licence notices,
and the trimmed standard library with its start-up modules as bytecode."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from tools.node import run_node
from tools.vendor import NODE_MODULES, STDLIB, copy_runtime

# Run by the Pyodide we ship, under Node, on the shipped standard library: an error raised
# inside a compiled module (json's), its traceback formatted by the traceback module.
TRACEBACK_JS = """
import { loadPyodide } from "%(pyodide)s";
const py = await loadPyodide({ indexURL: "%(index)s", stdLibURL: process.argv[2] });
console.log(py.runPython(`
import json, traceback
try:
    json.loads(None)
except TypeError as error:
    shown = "".join(traceback.format_exception(error))
shown
`));
"""


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("vendor")
    copy_runtime(folder)
    return folder


def test_the_qr_libraries_ship_minified_and_keep_their_licences(shipped: Path) -> None:
    tmp_path = shipped
    assert {"vendor/jsQR.js", "vendor/jsQR.LICENSE", "vendor/qrcode-generator.mjs"} <= {
        p.relative_to(shipped).as_posix() for p in shipped.rglob("*")
    }
    for rel, source in (
        ("vendor/jsQR.js", NODE_MODULES / "jsqr/dist/jsQR.js"),
        ("vendor/qrcode-generator.mjs", NODE_MODULES / "qrcode-generator/dist/qrcode.mjs"),
    ):
        ours, theirs = (tmp_path / rel).read_bytes(), source.read_bytes()
        assert len(gzip.compress(ours)) < 0.85 * len(gzip.compress(theirs)), rel
    generator = (tmp_path / "vendor/qrcode-generator.mjs").read_text(encoding="utf-8")
    assert generator.startswith("//----")
    assert "Copyright (c) 2009 Kazuhiko Arase" in generator
    assert "Licensed under the MIT license" in generator
    assert "export const qrcode" in generator or "export{" in generator.replace(" ", "")
    assert "Apache License" in (tmp_path / "vendor/jsQR.LICENSE").read_text(encoding="utf-8")


def test_the_standard_librarys_start_up_modules_ship_as_bytecode(shipped: Path) -> None:
    """Python compiles what it imports from source on a first visit (2 s of a 2.5-3 s start at
    1x): what the start-up imports ships compiled by the Pyodide we ship, the rest as source."""
    names = zipfile.ZipFile(shipped / "pyodide" / STDLIB).namelist()
    compiled = {n[:-1] for n in names if n.endswith(".pyc")}
    source = {n for n in names if n.endswith(".py")}
    assert not compiled & source  # each module once
    # Pyodide's start-up and the engine's imports
    assert {
        "asyncio/__init__.py",
        "json/__init__.py",
        "dataclasses.py",
        "_pyodide/__init__.py",
    } <= compiled
    assert "calendar.py" in source  # kept for a rare path, never imported at start
    magics = {zipfile.ZipFile(shipped / "pyodide" / STDLIB).read(n + "c")[:4] for n in compiled}
    assert len(magics) == 1  # one Python compiled them all: the one in the browser


def test_a_traceback_through_the_compiled_modules_can_be_shown(
    shipped: Path, tmp_path: Path
) -> None:
    """The compiled modules carry no line numbers; Python must still be able to show an error
    that passes through them (the traceback module walks every instruction's position)."""
    index = NODE_MODULES / "pyodide"
    script = tmp_path / "traceback.mjs"
    script.write_text(
        TRACEBACK_JS % {"pyodide": (index / "pyodide.mjs").as_posix(), "index": f"{index}/"},
        encoding="utf-8",
    )
    shown = run_node(script, str(shipped / "pyodide" / STDLIB), what="showing a traceback")
    assert 'json/__init__.py", line None, in loads' in shown
    assert shown.rstrip().endswith(
        "TypeError: the JSON object must be str, bytes or bytearray, not NoneType"
    )
