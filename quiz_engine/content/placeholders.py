"""Placeholders in content texts: a kommune's settings named in the text, with a neutral fallback.

Three forms (see docs/authoring.md):

    {kommune|kommunen}                       the value, or the fallback after the bar
    {if gifts.limit_nok}…{else}…{end}        one text when the setting has a value, another when
                                             not ({else} is optional: then nothing)
    {gifts.limit_nok}                        the bare value: only where it always has one (inside
                                             its own {if}, or {kommune} inside any {if})

``{{`` and ``}}`` write a literal brace. Placeholders are resolved at build time: the browser only
ever sees finished text. ``resolve`` is pure and raises ``PlaceholderError`` with a sentence an
editor can act on; the loader turns it into a located ``Problem``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..base.edition import CONTACT_FIELDS, CONTACT_ROLES, LINK_NAMES

NAMES: tuple[str, ...] = (
    "kommune",
    "gifts.limit_nok",
    *(f"contacts.{role}" for role in CONTACT_ROLES),
    *(f"contacts.{role}.{field}" for role in CONTACT_ROLES for field in CONTACT_FIELDS),
    *(f"links.{name}" for name in LINK_NAMES),
)
# The name every edition with settings has: a bare {kommune} is safe inside any {if}.
ALWAYS_WITH_SETTINGS = "kommune"

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class PlaceholderError(ValueError):
    """A text whose placeholders cannot be resolved; the message says what to change."""


def _tokens(text: str) -> list[tuple[str, str]]:
    """Split into ("text", s) and ("tag", inside-the-braces) pieces."""
    out: list[tuple[str, str]] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            out.append(("text", text[pos : match.start()]))
        token = match.group(0)
        if token in ("{{", "}}"):
            out.append(("text", token[0]))
        elif match.group(1) is None:
            raise PlaceholderError(
                f'the text has a "{token}" without its partner. Write a placeholder as '
                "{name|fallback}, or {{ and }} for a brace itself."
            )
        else:
            out.append(("tag", match.group(1)))
        pos = match.end()
    if pos < len(text):
        out.append(("text", text[pos:]))
    return out


def _known(name: str) -> str:
    name = name.strip()
    if name not in NAMES:
        raise PlaceholderError(
            f'"{{{name}}}" is not a placeholder we know. Check the spelling; the placeholders '
            f"are: {', '.join(NAMES)}."
        )
    return name


def _value(tag: str, values: Mapping[str, str], guard: str | None) -> str:
    name, bar, fallback = tag.partition("|")
    name = _known(name)
    if name in values:
        return values[name]
    if bar:
        return fallback
    if guard is not None and name in (guard, ALWAYS_WITH_SETTINGS):
        return ""  # only reached while checking the branch that is not shown
    raise PlaceholderError(
        f'"{{{name}}}" has no value in this edition and no fallback. Write a fallback for '
        f"editions without it, like {{{name}|kommunen}}, or put it inside {{if {name}}}…{{end}}."
    )


def resolve(text: str, values: Mapping[str, str]) -> str:
    """The text with every placeholder replaced: ``resolve("I {kommune|kommunen}", {})``
    -> ``"I kommunen"``. Both branches of an ``{if}`` are checked, one is kept."""
    if "{" not in text and "}" not in text:
        return text
    out: list[str] = []
    guard: str | None = None  # inside {if guard}
    shown = True  # whether the current branch is the one kept
    branch = ""  # "", "if" or "else"
    for kind, piece in _tokens(text):
        if kind == "text":
            out.append(piece if shown else "")
            continue
        word, _, rest = piece.strip().partition(" ")
        if word == "if" and rest.strip():
            if branch:
                raise PlaceholderError(
                    "an {if …} is inside another one. End the first with {end} before the next."
                )
            guard, branch = _known(rest), "if"
            shown = guard in values
        elif piece.strip() == "else":
            if branch != "if":
                raise PlaceholderError("an {else} has no {if …} before it. Add one or remove it.")
            branch, shown = "else", guard not in values
        elif piece.strip() == "end":
            if not branch:
                raise PlaceholderError("an {end} has no {if …} before it. Add one or remove it.")
            guard, branch, shown = None, "", True
        else:
            value = _value(piece, values, guard if branch == "if" else None)
            out.append(value if shown else "")
    if branch:
        raise PlaceholderError(
            f"the {{if {guard}}} is never closed. Add {{end}} where its text ends."
        )
    return "".join(out)
