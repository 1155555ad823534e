"""The seminar's QR libraries ship minified, with their licence notices (tools/vendor.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

from tools.vendor import NODE_MODULES, copy_runtime


def test_the_qr_libraries_ship_minified_and_keep_their_licences(tmp_path: Path) -> None:
    copied = copy_runtime(tmp_path)
    shipped = {p.as_posix() for p in copied}
    assert {"vendor/jsQR.js", "vendor/jsQR.LICENSE", "vendor/qrcode-generator.mjs"} <= shipped
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
