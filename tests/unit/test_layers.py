"""The engine's layers hold: each package imports only the ones below it, with no cycle, the
imports under ``if TYPE_CHECKING:`` counted too (import-linter's layers contract in
pyproject.toml, the same check `make check` runs)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT), "--no-cache"], cwd=tree, env=env, capture_output=True, text=True, check=False
    )


def test_the_engine_keeps_its_layers() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_a_type_checking_import_of_a_higher_layer_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "quiz_engine", tmp_path / "quiz_engine")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    kind = tmp_path / "quiz_engine" / "kinds" / "base.py"
    text = kind.read_text(encoding="utf-8")
    upward = "if TYPE_CHECKING:\n    from ..views.context import ViewContext  # noqa: F401\n"
    kind.write_text(text.replace("if TYPE_CHECKING:\n", upward, 1), encoding="utf-8")
    done = lint_imports(tmp_path)
    assert done.returncode != 0
    assert "quiz_engine.kinds.base -> quiz_engine.views.context" in done.stdout
