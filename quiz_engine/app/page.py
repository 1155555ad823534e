"""What every part of the app shares: the content, the UI strings, the language, the edition,
the notices above every screen and the device's date; and how a screen becomes an ``Output``.
"""

from __future__ import annotations

from ..base.edition import NEUTRAL, Edition
from ..base.markup import Markup
from ..base.model import Content
from ..base.names import STORAGE_NOTICE
from ..base.strings import Catalogue
from ..run.play import Play
from ..views.context import Screen, ViewContext
from ..views.layout import frame
from ..views.notices import notices_html
from .effects import Output


class Page:
    """The open page's common state. Each part of the app (the quiz, the seminar, the LMS
    bridge) is given the same ``Page`` and keeps its own state beside it."""

    def __init__(
        self,
        content: Content,
        catalogues: dict[str, Catalogue],
        lang: str | None = None,
        edition: Edition = NEUTRAL,
        persistent: bool = True,
        in_lms: bool = False,
    ) -> None:
        self.content = content
        self.catalogues = catalogues
        self.edition = edition
        self.lang = lang if lang in catalogues else edition.default_lang
        self.in_lms = in_lms  # launched by an LMS: the privacy texts say what goes to it
        self.framed = False  # in another page's frame (an intranet): the privacy texts say so
        self.forgetting = False  # the about screen asks to confirm "delete my data"
        self.today = ""  # the device's date (YYYY-MM-DD), sent with every message by the shell
        self.now = 0  # the time (ms) at start-up or of the last message: for set-aside keys
        self.notices: list[tuple[str, dict[str, str]]] = []
        if not persistent:
            self.notices.append((STORAGE_NOTICE, {}))

    @property
    def t(self) -> Catalogue:
        return self.catalogues[self.lang]

    def context(
        self,
        plays: dict[str, Play] | None = None,
        revealed: frozenset[str] = frozenset(),
        positions: dict[str, int] | None = None,
    ) -> ViewContext:
        """The views' context for this page, with what the quiz part knows when it draws."""
        return ViewContext(
            self.content,
            self.t,
            plays if plays is not None else {},
            revealed,
            positions if positions is not None else {},
            self.edition,
            lms=self.in_lms,
            today=self.today,
            framed=self.framed,
            forgetting=self.forgetting,
        )

    def notice(self, key: str, **values: str) -> None:
        """Add a notice, once."""
        if (key, values) not in self.notices:
            self.notices.append((key, values))

    def notices_html(self) -> str:
        return notices_html(self.t, self.notices)

    def draw(
        self,
        ctx: ViewContext,
        screen: Screen,
        address: str,
        focus: str | None = "heading",
        announce: str = "",
        framed: Markup | None = None,
    ) -> Output:
        """The whole page for ``screen`` at ``address``; ``focus`` "heading" means its h1."""
        return Output(
            page=str(framed if framed is not None else frame(ctx, Markup(screen.body))),
            title=ctx.page_title(screen),
            lang=self.lang,
            rendered=address,
            notices=self.notices_html(),
            focus="#main h1" if focus == "heading" else focus,
            announce=announce,
        )
