"""What of the engine ships in app.zip (the zip itself: ``quiz_engine/site/app_zip.py``).

What only builds (``quiz_engine.base.names.BUILD_ONLY``: the content reader, the exports, the
site build, the editor, the command line) stays behind, so neither the download nor the start-up
snapshot holds it. The modules go in written small (tools/stdlib.py's ``slim``: the same syntax
tree, without comments and docstrings).
"""

from __future__ import annotations

from pathlib import Path

from quiz_engine.base.names import BUILD_ONLY
from quiz_engine.site.app_zip import app_zip
from tools.stdlib import slim

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "quiz_engine"


def shipped_engine_files() -> list[Path]:
    """The engine's modules the app runs: every ``.py`` file but what only builds."""
    return [
        path
        for path in sorted(ENGINE.rglob("*.py"))
        if path.relative_to(ENGINE).parts[0] not in BUILD_ONLY and "__pycache__" not in path.parts
    ]


def engine_sources() -> dict[str, bytes]:
    """``{"quiz_engine/…": the module written small}``: what app.zip holds of the engine."""
    out = {}
    for path in shipped_engine_files():
        source = path.read_text(encoding="utf-8")
        out[f"quiz_engine/{path.relative_to(ENGINE).as_posix()}"] = (
            slim(source) or source
        ).encode()
    return out


def write_app_zip(target: Path, generated: dict[str, str]) -> str:
    """Zip the app packages, the generated files and build_info.json; return a sha256."""
    data, sha = app_zip(engine_sources(), generated)
    target.write_bytes(data)
    return sha
