"""Escaped HTML by default. Markup passes only through ``Markup``, the one reviewed path.

Every view builds HTML with ``html(...)``: plain strings are escaped, ``Markup`` values are
trusted. Content and user text are plain strings, so they can never become markup.
"""

from __future__ import annotations

import html as _html
from collections.abc import Iterable


class Markup(str):
    """A string of HTML that is already safe. Only views create it, from escaped pieces."""

    __slots__ = ()


def escape(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(_html.escape(str(value), quote=True))


def html(template: str, *args: object, **kwargs: object) -> Markup:
    """Fill a trusted template with escaped values: ``html("<p>{}</p>", text)``."""
    return Markup(template.format(*map(escape, args), **{k: escape(v) for k, v in kwargs.items()}))


def join(parts: Iterable[object], separator: str = "") -> Markup:
    return Markup(separator.join(escape(p) for p in parts))


def attrs(**values: object) -> Markup:
    """HTML attributes; ``None`` and ``False`` leave an attribute out, ``True`` writes it bare.

    A trailing underscore is dropped and ``_`` becomes ``-``: ``data_action="x"``, ``class_="y"``.
    """
    out = []
    for key, value in values.items():
        name = key.rstrip("_").replace("_", "-")
        if value is None or value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{escape(value)}"')
    return Markup("".join(out))


def paragraphs(text: str) -> Markup:
    """Plain text with blank lines between paragraphs, as ``<p>`` elements."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    return join(html("<p>{}</p>", " ".join(b.split())) for b in blocks)
