"""The editor: every message from its shell routed to what it changes, answered with what to
draw, store, focus and announce (``EditorOutput``). Pure, like the app: the drafts come in as
the device's records and go out as writes; files come in as texts and go out as downloads.

Two parts, in the same worker: the drafts (a quiz each), and a kommune's edition (its settings,
``edition*.py``), which takes its own quizzes from the drafts.
"""

from __future__ import annotations

from typing import Any

from ..base.markup import Markup, html
from ..base.names import DEFAULT_LANG
from ..base.strings import Catalogue
from .check import Checked, check_draft
from .draft import RECORD, Draft, draft_from_record, draft_to_record
from .draw import Drawing, previewed
from .edition import RECORD as EDITION_RECORD
from .edition import EditionDraft, edition_from_record, own_values
from .effects import EditorOutput
from .library import Library
from .preview import QUESTION_MODE, QUIZ_MODE, Preview
from .problems import beside_fields, slots_in
from .routes import (
    EDITION,
    EDITION_FILES,
    NOT_FOUND,
    QUESTION,
    QUIZ,
    START,
    TEXT,
    Place,
    href,
    parse_place,
)
from .screens import frame, start_screen
from .workspace import Workspace

LANG = "lang"


class Editor:
    def __init__(
        self,
        library: Library,
        catalogues: dict[str, Catalogue],
        records: dict[str, str],
        now: int = 0,
        persistent: bool = True,
    ) -> None:
        self.library = library
        self.catalogues = catalogues
        asked = records.get(LANG, "")
        self.lang = asked if asked in catalogues else DEFAULT_LANG
        self.notices: list[tuple[str, dict[str, str]]] = []
        self.startup_writes: dict[str, str | None] = {}
        drafts: dict[str, Draft] = {}
        for key, raw in sorted(records.items()):
            if not key.startswith(RECORD):
                continue
            draft = draft_from_record(key.removeprefix(RECORD), raw)
            if draft is None:
                # Kept, never deleted: it may hold a day's writing.
                self.startup_writes[f"aside:{key}:{now}"] = raw
                self.startup_writes[key] = None
                self.notices.append(("editor.notice.set_aside", {"name": key.removeprefix(RECORD)}))
            else:
                drafts[draft.key] = draft
        self.edition = EditionDraft()
        if EDITION_RECORD in records:
            kept = edition_from_record(records[EDITION_RECORD])
            if kept is None:
                self.startup_writes[f"aside:{EDITION_RECORD}:{now}"] = records[EDITION_RECORD]
                self.startup_writes[EDITION_RECORD] = None
                self.notices.append(("editor.notice.set_aside", {"name": EDITION_RECORD}))
            else:
                self.edition = kept
        if not persistent:
            self.notices.append(("editor.notice.storage_off", {}))
        self.work = Workspace(library, drafts)
        self.preview = Preview(catalogues)
        self.mode = QUESTION_MODE
        self.drawn = Place(NOT_FOUND)  # what the page shows now
        self.confirming = ""  # a question's path or a draft's key, about to go
        self.source_error = ""
        self.today = ""
        self._checked: tuple[Draft, dict[str, str] | None, Checked] | None = None

    @property
    def t(self) -> Catalogue:
        return self.catalogues[self.lang]

    # -- drawing -------------------------------------------------------------------------------

    def checked(self, draft: Draft) -> Checked:
        """The draft checked; an own quiz of the kommune's edition with the kommune's values for
        its placeholders, as the build checks it."""
        values = own_values(self.edition, self.work.drafts, self.library, draft.key)
        if self._checked is None or self._checked[0] is not draft or self._checked[1] != values:
            self._checked = (draft, values, check_draft(draft, self.library, values))
        return self._checked[2]

    def boot(self, address: str) -> EditorOutput:
        out = self.show(address)
        out.writes = {**self.startup_writes, **out.writes}
        return out

    def show(self, address: str, focus: str | None = "heading") -> EditorOutput:
        """Draw ``address``: in the same draft's forms only the parts that change."""
        place = parse_place(address)
        if place.name in (EDITION, EDITION_FILES):
            from .edition_messages import edition_page

            return edition_page(self, place, focus)
        draft = self.work.drafts.get(place.draft)
        if draft is not None and draft.doc is None and place.edits:
            place = Place(TEXT, draft.key)  # a file the forms cannot show opens as text
        if draft is None or place.name in (START, NOT_FOUND):
            return self._page(place, focus)
        in_place = self.drawn.draft == place.draft and self.drawn.edits and place.edits
        out = self.redraw(draft, place, form=True, page=not in_place)
        out.rendered = href(place)
        if href(place) != address:
            out.go = href(place)
        out.focus = ("#main h1" if not in_place else "#section-heading") if focus else None
        return out

    def _page(self, place: Place, focus: str | None) -> EditorOutput:
        t = self.t
        if place.name == START:
            body = start_screen(t, self.library, list(self.work.drafts.values()), self.confirming)
            title = t("editor.start.heading")
        else:
            body = html(
                '<section class="panel narrow"><h1 tabindex="-1">{}</h1><p>{}</p>'
                '<p><a class="button primary" href="#/">{}</a></p></section>',
                t("editor.notfound.title"),
                t("editor.notfound.text"),
                t("editor.nav.open"),
            )
            title = t("editor.notfound.title")
        self.drawn = place
        return EditorOutput(
            page=str(frame(t, body)),
            title=f"{title} · {t('editor.name')}",
            lang=self.lang,
            rendered=href(place) if place.name == START else "",
            notices=self.notices_html(),
            focus="#main h1" if focus else None,
        )

    def redraw(self, draft: Draft, place: Place, form: bool, page: bool = False) -> EditorOutput:
        """The draft's screen after a change: the whole page, or its parts (``form`` the form
        too), with each problem beside its field and the preview following the draft."""
        checked = self.checked(draft)
        drawing = Drawing(
            self.t,
            self.catalogues,
            self.library,
            draft,
            checked,
            place,
            self.mode,
            self.confirming == f"questions[{place.position}]" and place.name == QUESTION,
            self.source_error,
        )
        question_content, question = (None, None)
        if place.name == QUESTION:
            question_content, question = previewed(drawing, self.library)
        shown = (
            question_content
            if place.name == QUESTION and self.mode == QUESTION_MODE
            else checked.content
        )
        mode = QUESTION_MODE if shown is question_content and place.name == QUESTION else QUIZ_MODE
        about = (draft.key, mode, str(place.position) if mode == QUESTION_MODE else "")
        frame_out = self.preview.show(shown, about, mode)
        drawn = self.preview.app is not None
        out = EditorOutput(preview=frame_out)
        if page:
            body = drawing.page(question, self.preview.stale, drawn)
            out.page = str(frame(self.t, body))
            out.title = f"{self._title(draft)} · {self.t('editor.name')}"
            out.lang = self.lang
            out.notices = self.notices_html()
            if out.preview is None and drawn:
                out.preview = self.preview.dispatch(
                    {"type": "show", "address": self.preview.address}
                )
            form_html = str(body)
        else:
            out.parts = drawing.parts(question, self.preview.stale, drawn, form)
            form_html = out.parts.get("editor-form", "")
        self.drawn = place
        if place.edits and (page or form):
            screen = [p for p in checked.problems if self._on(place, p)]
            out.problems = beside_fields(screen, slots_in(form_html))
        elif place.edits:
            screen = [p for p in checked.problems if self._on(place, p)]
            out.problems = beside_fields(screen, self.work.slots)
        if place.edits and (page or form):
            self.work.slots = slots_in(form_html)
        return out

    @staticmethod
    def _on(place: Place, placed: Any) -> bool:
        if place.name == QUESTION:
            return bool(placed.question == place.position)
        wanted = "sources" if place.name != QUIZ else "quiz"
        return bool(placed.file == wanted and placed.question == 0)

    def _title(self, draft: Draft) -> str:
        title = (draft.doc or {}).get("title")
        text = title.get(self.lang) if isinstance(title, dict) else None
        return text if isinstance(text, str) and text.strip() else draft.name

    def notices_html(self) -> str:
        t = self.t
        out = []
        for n, (key, values) in enumerate(self.notices):
            # A new version waiting is taken when the writer chooses (the shell reloads).
            action = 'data-update=""' if key == "editor.notice.update" else f'data-dismiss="{n}"'
            label = t("editor.update" if key == "editor.notice.update" else "editor.dismiss")
            out.append(
                html(
                    '<div class="notice" role="status"><p>{}</p><button type="button" '
                    'class="button small secondary" {}>{}</button></div>',
                    t(key, **values),
                    Markup(action),
                    label,
                )
            )
        return "".join(out)

    # -- messages ------------------------------------------------------------------------------

    def dispatch(self, message: dict[str, Any]) -> EditorOutput:
        """One message from the shell, as plain JSON values."""
        from .messages import handle

        self.today = str(message.get("today", self.today))[:10]
        return handle(self, message)

    def store(self, draft: Draft, out: EditorOutput) -> EditorOutput:
        """Keep the draft in memory and on the device."""
        self.work.drafts[draft.key] = draft
        out.writes[RECORD + draft.key] = draft_to_record(draft)
        return out
