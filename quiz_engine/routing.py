"""Hash routes: every screen has its own address, so back, links and reload all work.

``#/`` home, ``#/om`` about, ``#/s/ID`` a scenario's intro, ``#/s/ID/2`` its second question,
``#/s/ID/resultat`` the results, ``#/s/ID/ny-start`` the start-over confirmation,
``#/s/ID/utskrift`` the printable result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

HOME, ABOUT, INTRO, QUESTION, RESULTS, RESTART, NOT_FOUND = (
    "home",
    "about",
    "intro",
    "question",
    "results",
    "restart",
    "not_found",
)
PRINT = "print"
_QUIZ = re.compile(r"^/s/([a-z0-9][a-z0-9-]{0,80})(?:/(\d{1,3}|resultat|ny-start|utskrift))?/?$")


@dataclass(frozen=True)
class Route:
    name: str
    quiz: str = ""
    position: int = 0


def parse_route(fragment: str) -> Route:
    """``parse_route("#/s/lillevik/2") == Route("question", "lillevik", 2)``; never raises."""
    try:
        path = unquote(fragment.lstrip("#"), errors="strict")
    except UnicodeDecodeError:
        return Route(NOT_FOUND)
    if path in ("", "/"):
        return Route(HOME)
    if path.rstrip("/") == "/om":
        return Route(ABOUT)
    match = _QUIZ.match(path)
    if not match:
        return Route(NOT_FOUND)
    quiz, rest = match.group(1), match.group(2)
    if rest is None:
        return Route(INTRO, quiz)
    if rest == "resultat":
        return Route(RESULTS, quiz)
    if rest == "ny-start":
        return Route(RESTART, quiz)
    if rest == "utskrift":
        return Route(PRINT, quiz)
    position = int(rest)
    return Route(QUESTION, quiz, position) if position >= 1 else Route(NOT_FOUND)


def href(route: Route) -> str:
    if route.name == HOME:
        return "#/"
    if route.name == ABOUT:
        return "#/om"
    base = f"#/s/{route.quiz}"
    suffix = {INTRO: "", RESULTS: "/resultat", RESTART: "/ny-start", PRINT: "/utskrift"}
    if route.name == QUESTION:
        return f"{base}/{route.position}"
    return base + suffix.get(route.name, "")
