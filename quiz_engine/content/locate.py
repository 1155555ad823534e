"""Find the line of a key path in TOML source text.

``tomllib`` reports lines only for syntax errors, so for every other problem we look the place
up in the text: the n-th ``[[questions]]`` header, then the key inside it. Good enough to point
an editor at the right spot; never raises.
"""

from __future__ import annotations

import re

from ..base.errors import KeyPath


def format_path(path: KeyPath) -> str:
    """``("questions", 3, "options", 1)`` -> ``questions[3].options[1]`` (indices count from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _header(line: str) -> str | None:
    match = re.match(r"\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", line)
    return match.group(1).replace(" ", "") if match else None


def _is_array_header(line: str, name: str) -> bool:
    return re.match(r"\s*\[\[\s*" + re.escape(name) + r"\s*\]\]", line) is not None


def find_line(source: str, path: KeyPath) -> int | None:
    """Return the 1-based line where ``path`` is, or the nearest enclosing item's line."""
    lines = source.splitlines()
    start, end = 0, len(lines)
    tables: list[str] = []
    best: int | None = None
    i = 0
    while i < len(path):
        key = path[i]
        if not isinstance(key, str):
            break
        name = ".".join([*tables, key])
        index = path[i + 1] if i + 1 < len(path) else None
        if isinstance(index, int):
            headers = [n for n in range(start, end) if _is_array_header(lines[n], name)]
            if len(headers) >= index >= 1:
                start = headers[index - 1]
                later = [n for n in range(start + 1, end) if _ends_item(lines[n], name, tables)]
                end = later[0] if later else end
                tables.append(key)
                best = _id_line(lines, start, end)
                i += 2
                continue
        found = _key_line(lines, start, end, name, key)
        if found is None:
            break
        best = found + 1
        header = _header(lines[found])
        if header is None:
            rest = [p for p in path[i + 1 :] if isinstance(p, str)]
            dotted = _dotted_line(lines, found, end, [key, *rest])
            best = dotted + 1 if dotted is not None else best
            break
        tables.append(key)
        if header == name:
            start = found
        i += 1
    return best


def _ends_item(line: str, name: str, parents: list[str]) -> bool:
    header = _header(line)
    if header is None:
        return False
    return header == name or (
        not header.startswith(name + ".")
        and (not parents or header in {".".join(parents[: k + 1]) for k in range(len(parents))})
    )


def _id_line(lines: list[str], start: int, end: int) -> int:
    for n in range(start, end):
        if re.match(r"\s*id\s*=", lines[n]):
            return n + 1
    return start + 1


def _key_line(lines: list[str], start: int, end: int, name: str, key: str) -> int | None:
    pattern = re.compile(r"\s*" + re.escape(key) + r"\s*(=|\.)")
    in_body = True
    for n in range(start, end):
        header = _header(lines[n])
        if header is not None:
            if header == name or header.startswith(name + "."):
                return n
            in_body = in_body and n == start
            continue
        if in_body and pattern.match(lines[n]):
            return n
    return None


def _dotted_line(lines: list[str], start: int, end: int, keys: list[str]) -> int | None:
    """The line of ``a.b.c =``, the longest prefix of ``keys`` found first."""
    for size in range(len(keys), 1, -1):
        pattern = re.compile(r"\s*" + r"\s*\.\s*".join(map(re.escape, keys[:size])) + r"\s*=")
        for n in range(start, end):
            if _header(lines[n]) is not None and n > start:
                break
            if pattern.match(lines[n]):
                return n
    return None
