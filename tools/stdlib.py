"""A standard library zip with only what the app can import (Pyodide's ``stdLibURL``).

Pyodide's ``python_stdlib.zip`` is 2.5 MB, already compressed, and fetched on every first
visit. The app imports a fraction of it. This keeps every module reachable by ``import``
statements from our Python (the engine, the worker), from PyScript's Python (found in its
JavaScript chunks), and from Pyodide's own start-up packages, following imports through the
zip itself. Finding imports by pattern over-includes (an import inside ``if``, a docstring),
which is safe; what it cannot see are imports by name at run time, so those packages are
kept whole (``KEEP``), and a browser test runs the whole app on the trimmed zip.

Each kept module is also written small (``slim``): docstrings emptied, comments and layout
dropped, by re-writing it from its syntax tree. That halves the zip again (1.18 to 0.69 MB),
and it is only the text: the tree, so what Python runs, is the same. Single modules that no
path in a browser's worker reaches (``DROP``) take it to 0.57 MB. When the app is built,
``tools/vendor.py`` then has the modules Python imports at start compiled ahead
(``tools/stdlib_pyc.mjs``), which makes the shipped zip 0.94 MB.

    python tools/stdlib.py SOURCE_ZIP TARGET_ZIP      (prints the sizes)
"""

from __future__ import annotations

import ast
import re
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORT = re.compile(
    r"(?:^|\\n|[\"';])[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\(?([\w., \t]*)"
    r"|import[ \t]+([\w., \t]+))",
    re.MULTILINE,
)
# Imported by name while Python starts or at run time (codecs, Pyodide's bootstrap and import
# hook, site), so no import statement leads to them.
KEEP = (
    "_pyodide",
    "pyodide",
    "site",
    "_sitebuiltins",
    "sysconfig",
    "_sysconfigdata__emscripten_wasm32-emscripten",
    "importlib",
    "traceback",
    "linecache",
)

# The codecs Python looks up by name: UTF-8 and its kin, the ASCII/Latin-1 family, cp437 (zip
# member names), IDNA (host names); not the 100 other code pages (300 KB).
ENCODINGS = (
    "__init__",
    "aliases",
    "ascii",
    "latin_1",
    "utf_8",
    "utf_8_sig",
    "utf_16",
    "utf_16_be",
    "utf_16_le",
    "utf_32",
    "utf_32_be",
    "utf_32_le",
    "cp437",
    "idna",
    "punycode",
    "raw_unicode_escape",
    "unicode_escape",
)
# Never followed: tools for developers (tests, debuggers, help, a REPL) that only an optional
# or interactive code path of another module reaches. A browser test runs the app without them.
DROP = (
    "unittest",
    "doctest",
    "pydoc",
    "pdb",
    "bdb",
    "_pyrepl",
    "idlelib",
    "tkinter",
    "xmlrpc",
    "webbrowser",
    "ftplib",
    "socketserver",
    "cmd",
    # Reached only through optional paths (process pools, mail and HTTP parsing, XML) that the
    # browser never takes; Pyodide cannot start processes at all.
    "multiprocessing",
    "email",
    "http",
    "xml",
    # Single modules no code path of the app, Pyodide's start-up or PyScript reaches in a
    # browser's worker (found by running the app in Pyodide and listing what was never
    # imported, keeping what a rare path could still need: codecs, strptime, sysconfig, pickle,
    # importlib's metadata, Pyodide's http): Windows' event loops and codecs, process and
    # subinterpreter pools, threads (Pyodide has none), command lines and their helpers and
    # translations, Node's sockets, a REPL, pure-Python fallbacks of built-in C modules, tar
    # and gzip files (app.zip and the standard library are zips), urllib's HTTP client (it
    # needs http, dropped above), package resources, and numbers and statistics nobody uses.
    "asyncio.windows_events",
    "asyncio.windows_utils",
    "asyncio.proactor_events",
    "encodings._win_cp_codecs",
    "concurrent.futures.process",
    "concurrent.futures.thread",
    "concurrent.futures.interpreter",
    "concurrent.interpreters",
    "queue",
    "_threading_local",
    "argparse",
    "getopt",
    "difflib",
    "py_compile",
    "sysconfig.__main__",
    "importlib.metadata.diagnose",
    "pyodide.console",
    "pyodide._nodesock_transport",
    "rlcompleter",
    "tracemalloc",
    "_pydatetime",
    "_py_abc",
    "tarfile",
    "statistics",
    "fractions",
    "numbers",
    "decimal",
    "gzip",
    "gettext",
    "urllib.request",
    "mimetypes",
    "importlib.resources",
)


def dropped(module: str, drop: Iterable[str] = DROP) -> bool:
    """Whether ``module`` is one of ``drop``'s (DROP's) or inside one of its packages."""
    return any(module == d or module.startswith(f"{d}.") for d in drop)


def imports_in(text: str, package: str = "") -> set[str]:
    """Module names that ``text`` may import; relative imports resolved against ``package``."""
    found: set[str] = set()
    for match in IMPORT.finditer(text):
        source, names, plain = match.groups()
        if plain:
            found.update(n.split(" as ")[0].strip() for n in plain.split(","))
            continue
        base = source or ""
        if base.startswith("."):
            dots = len(base) - len(base.lstrip("."))
            parts = package.split(".") if package else []
            parts = parts[: len(parts) - (dots - 1)] if dots > 1 else parts
            base = ".".join([*parts, base.lstrip(".")]).strip(".")
        if base:
            found.add(base)
        for name in (names or "").split(","):
            name = name.split(" as ")[0].strip()
            if name and name != "*":
                found.add(f"{base}.{name}" if base else name)
    return {name for name in found if name}


def _files_of(names: set[str]) -> dict[str, str]:
    """Module name -> its file in the zip (``a/b.py`` or ``a/b/__init__.py``)."""
    modules = {}
    for name in names:
        if name.endswith("/__init__.py"):
            modules[name[: -len("/__init__.py")].replace("/", ".")] = name
        elif name.endswith(".py"):
            modules[name[:-3].replace("/", ".")] = name
    return modules


def closure(
    zip_names: set[str], roots: Iterable[str], read: dict[str, str], drop: Iterable[str] = DROP
) -> set[str]:
    """Every zip entry reachable from the module names ``roots``, less ``drop``'s modules."""
    drop = tuple(drop)
    modules = _files_of(zip_names)
    keep: set[str] = set()
    todo = list(roots)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        parts = name.split(".")
        for n in range(1, len(parts) + 1):  # a module needs its packages
            module = ".".join(parts[:n])
            if module in seen or module not in modules or dropped(module, drop):
                continue
            seen.add(module)
            path = modules[module]
            keep.add(path)
            package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
            todo.extend(imports_in(read[path], package))
    for root in KEEP:  # whole packages and their directories
        keep.update(n for n in zip_names if n == f"{root}.py" or n.startswith(f"{root}/"))
    keep.update(f"encodings/{name}.py" for name in ENCODINGS if f"encodings/{name}.py" in zip_names)
    return {n for n in keep if not (n in modules.values() and dropped(_module_of(n), drop))}


def _module_of(path: str) -> str:
    return path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def our_roots() -> set[str]:
    """What our Python and PyScript's Python import, and what Pyodide needs to start."""
    from web.build.app_zip import shipped_engine_files

    texts = [p.read_text(encoding="utf-8") for p in shipped_engine_files()]
    texts.append((ROOT / "web" / "app" / "worker.py").read_text(encoding="utf-8"))
    pyscript = ROOT / "node_modules" / "@pyscript" / "core" / "dist"
    texts += [p.read_text(encoding="utf-8") for p in pyscript.glob("*.js")]
    found: set[str] = set(KEEP)
    for text in texts:
        found |= imports_in(text)
    return found


def slim(text: str) -> str | None:
    """``text`` re-written from its syntax tree with empty docstrings; None if it cannot be.

    A docstring becomes "" rather than going: ``__doc__`` stays a string for code that reads it.
    Files this Python cannot parse (syntax newer than the build's Python) stay as they are.
    """
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        if isinstance(node, documented) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                first.value.value = ""
    return ast.unparse(tree) + "\n"


def trim(source: Path, target: Path) -> tuple[int, int]:
    """Write the trimmed zip; return (entries kept, entries in the source)."""
    with zipfile.ZipFile(source) as zin:
        names = set(zin.namelist())
        read = {n: zin.read(n).decode("utf-8", "replace") for n in names if n.endswith(".py")}
        keep = closure(names, our_roots(), read)
        dirs = {n for n in names if n.endswith("/") and any(k.startswith(n) for k in keep)}
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():  # the source's order and timestamps: a stable zip
                if info.filename in keep or info.filename in dirs:
                    data = zin.read(info.filename)
                    try:
                        small = slim(data.decode("utf-8")) if info.filename in read else None
                    except UnicodeDecodeError:
                        small = None
                    if small is not None:
                        data = small.encode("utf-8")
                    zout.writestr(info, data, zipfile.ZIP_DEFLATED, 9)
    return len(keep), len(names)


def main(argv: list[str] | None = None) -> int:
    source, target = (Path(a) for a in (argv or sys.argv[1:]))
    kept, total = trim(source, target)
    print(
        f"{target}: {kept} of {total} entries, "
        f"{target.stat().st_size / 1e6:.2f} MB (was {source.stat().st_size / 1e6:.2f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
