"""The engine stays pure: standard library only, and never the browser modules. One exception,
made precisely: the editor (``quiz_engine/editor/``, which never ships to the councillor's page)
writes TOML with tomli-w, pinned in pyproject's dev extras and shipped in the editor's own zip."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "quiz_engine"
BROWSER_MODULES = {"js", "pyscript", "pyodide"}
# Packages beyond the standard library, and the one folder of the engine allowed each.
ALLOWED_BEYOND = {"tomli_w": "editor"}


def imported_modules() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted(ENGINE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ENGINE))] = names
    return found


def test_the_engine_has_modules() -> None:
    assert len(imported_modules()) > 10


def test_the_engine_never_imports_the_browser() -> None:
    for module, names in imported_modules().items():
        assert not names & BROWSER_MODULES, module


def test_the_engine_imports_only_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names) | {"__future__"}
    for module, names in imported_modules().items():
        beyond = {n for n, folder in ALLOWED_BEYOND.items() if module.startswith(f"{folder}/")}
        assert names <= allowed | beyond, (module, names - allowed - beyond)


def test_tomli_w_is_used_by_the_editor_alone_and_the_editor_never_ships_with_the_app() -> None:
    from quiz_engine.base.names import BUILD_ONLY

    users = sorted(m for m, names in imported_modules().items() if "tomli_w" in names)
    assert users == ["editor/document.py"]
    assert "editor" in BUILD_ONLY


def test_modules_stay_small() -> None:
    for path in ENGINE.rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name
