"""What every view needs: the content, the UI strings and the language."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base.edition import NEUTRAL, Edition
from ..base.model import Content, Text
from ..base.strings import Catalogue
from ..run.play import Play


@dataclass(frozen=True)
class ViewContext:
    content: Content
    t: Catalogue
    # The quizzes played on this device, each its saved session and the state folded from it.
    plays: dict[str, Play] = field(default_factory=dict)
    revealed: frozenset[str] = frozenset()
    # The question each quiz was last shown at on this device (for "continue").
    positions: dict[str, int] = field(default_factory=dict)
    edition: Edition = NEUTRAL
    # Launched by an LMS (SCORM): the privacy texts say what goes to it.
    lms: bool = False
    # The device's date (YYYY-MM-DD), told by the shell: the printable result carries it.
    today: str = ""
    # In another page's frame, and asking to confirm "delete my data" (the privacy statement).
    framed: bool = False
    forgetting: bool = False

    def page_title(self, screen: Screen) -> str:
        """``Hjem · Folkevalgt: etikk og roller``, ``· Fjellvik kommune`` in a kommune's edition."""
        parts = [screen.title, self.t("app.name")]
        return " · ".join([*parts, self.edition.name] if self.edition.name else parts)

    @property
    def lang(self) -> str:
        return self.t.lang

    def text(self, text: Text) -> str:
        return text.get(self.lang)

    def date(self, iso: str) -> str:
        """``2026-11-23`` -> ``23.11.2026``, the Norwegian way."""
        year, month, day = iso.split("-")
        return f"{int(day)}.{int(month)}.{year}"


@dataclass(frozen=True)
class Screen:
    """A rendered screen: the page title, the HTML and what to announce to screen readers."""

    title: str
    body: str
    announce: str = ""
