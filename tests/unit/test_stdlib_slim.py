"""The trimmed standard library is written small, and what Python runs stays the same."""

from __future__ import annotations

import ast
import zipfile
from pathlib import Path

import pytest

from tools.stdlib import slim

ROOT = Path(__file__).resolve().parents[2]
STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"


def _without_docstrings(text: str) -> str:
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            if docstring and isinstance(first.value.value, str):  # type: ignore[union-attr]
                first.value.value = ""  # type: ignore[union-attr]
    return ast.dump(tree)


def test_slim_keeps_the_code_and_empties_docstrings() -> None:
    text = (
        '"""Module."""\n# a comment\ndef f(x):  # trailing\n    """Doc."""\n    return {"a": x}\n'
    )
    small = slim(text)
    assert small is not None
    assert "comment" not in small and "Doc." not in small
    namespace: dict[str, object] = {}
    exec(compile(small, "<slim>", "exec"), namespace)
    assert namespace["f"](1) == {"a": 1}  # type: ignore[operator]
    assert namespace["__doc__"] == ""


def test_slim_leaves_what_it_cannot_parse() -> None:
    assert slim("def f(:\n") is None


@pytest.mark.skipif(not STDLIB.is_file(), reason="npm ci first (node_modules/pyodide)")
def test_every_slimmed_stdlib_module_has_the_same_tree() -> None:
    with zipfile.ZipFile(STDLIB) as stdlib:
        names = [n for n in stdlib.namelist() if n.endswith(".py")]
        checked = 0
        for name in names:
            text = stdlib.read(name).decode("utf-8")
            small = slim(text)
            if small is None:
                continue
            assert _without_docstrings(small) == _without_docstrings(text), name
            checked += 1
    assert checked > 500
