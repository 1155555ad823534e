"""What the forms share: what they are drawn from (``Form``), the topic checkboxes, and the
source picker (the app's source lists, and the quiz's own new sources)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..base.errors import KeyPath, Table
from ..base.markup import Markup, attrs, html, join
from ..base.model import SOURCE_KINDS
from ..base.strings import Catalogue
from ..content.locate import format_path
from .document import get
from .draft import Draft, read
from .fields import button, field_id, problem_slot
from .library import Library
from .routes import SOURCES, Place, href


@dataclass(frozen=True)
class Form:
    """What a form is drawn from: the UI strings (``t``, and both languages' for snippets),
    the draft and what the app ships."""

    t: Catalogue
    catalogues: dict[str, Catalogue]
    draft: Draft
    library: Library

    @property
    def doc(self) -> Table:
        return self.draft.doc or {}

    @property
    def lang(self) -> str:
        return self.t.lang

    def topics(self) -> list[tuple[str, str]]:
        return [(t.id, t.title.get(self.lang)) for t in self.library.content.topics]

    def sources(self) -> list[tuple[str, str, str]]:
        """Every source a quiz may cite: ``(id, kind, title)``, the app's then the draft's."""
        found = [(s.id, s.kind, s.title.get(self.lang)) for s in self.library.content.sources]
        known = {s[0] for s in found}
        texts = [self.draft.sources_text, *self.draft.catalogues.values()]
        for table in (read(text) or {} for text in texts if text.strip()):
            entries = table.get("sources")
            for source_id, entry in (entries if isinstance(entries, dict) else {}).items():
                if source_id not in known and isinstance(entry, dict):
                    found.append((source_id, str(entry.get("kind", "")), _title(entry, self.lang)))
                    known.add(source_id)
        return found


def _title(entry: Table, lang: str) -> str:
    title = entry.get("title")
    text = title.get(lang) if isinstance(title, dict) else None
    return text if isinstance(text, str) and text.strip() else ""


def topic_checks(form: Form, path: KeyPath, optional_hint: str = "") -> Markup:
    """A checkbox per topic of the catalogue; the engine adds or removes the id on a click."""
    t = form.t
    chosen = get(form.doc, path)
    chosen = chosen if isinstance(chosen, list) else []
    listed = [*form.topics(), *((c, c) for c in chosen if c not in dict(form.topics()))]
    boxes = join(
        html(
            '<label class="check-label"><input type="checkbox"{}> {}</label>',
            attrs(
                id=f"{field_id(path)}-{topic_id}",
                checked=topic_id in chosen,
                data_action="toggle-ref",
                data_path=format_path(path),
                data_value=topic_id,
            ),
            title,
        )
        for topic_id, title in listed
    )
    return html(
        '<fieldset class="refs" id="{id}-group" tabindex="-1"><legend>{legend}</legend>{hint}'
        '{problem}<div class="checks">{boxes}</div></fieldset>',
        id=field_id(path),
        legend=t("editor.key.topics"),
        hint=html('<p class="hint">{}</p>', optional_hint) if optional_hint else "",
        problem=problem_slot(path),
        boxes=boxes,
    )


def source_picker(form: Form, path: KeyPath, context: str = "") -> Markup:
    """The sources cited, each removable, and a list of every known source to add one from."""
    t = form.t
    known = form.sources()
    titles = {s[0]: s[2] for s in known}
    chosen: Any = get(form.doc, path)
    chosen = [c for c in chosen if isinstance(c, str)] if isinstance(chosen, list) else []
    items = join(
        html(
            "<li><span>{title}</span> <code>{id}</code> {remove}</li>",
            title=titles.get(source_id, "") or source_id,
            id=source_id,
            remove=button(
                t("editor.remove"),
                "remove-ref",
                cls="small secondary",
                context=titles.get(source_id, "") or source_id,
                path=format_path(path),
                value=source_id,
            ),
        )
        for source_id in chosen
    )
    groups = join(
        html(
            '<optgroup label="{}">{}</optgroup>',
            t(f"editor.source_kind.{kind}") if kind in SOURCE_KINDS else kind or "?",
            join(
                html("<option{}>{}</option>", attrs(value=s[0]), f"{s[2] or s[0]} ({s[0]})")
                for s in known
                if s[1] == kind and s[0] not in chosen
            ),
        )
        for kind in dict.fromkeys(s[1] for s in known)
    )
    select_id = f"{field_id(path)}-add"
    add_label = t("editor.sources.add")
    return html(
        '<fieldset class="refs" id="{id}-group" tabindex="-1"><legend>{legend} <span class='
        '"required">{required}</span></legend>{problem}<ul class="chosen">{items}</ul>'
        '<form class="inline-form"{form}><label for="{select}">{add_label}</label> '
        '<select id="{select}" name="value">{groups}</select> '
        '<button type="submit" class="button secondary">{add}</button></form>'
        '<p class="hint"><a href="{new}">{new_text}</a></p></fieldset>',
        id=field_id(path),
        legend=t("editor.key.sources"),
        required=t("editor.required"),
        problem=problem_slot(path),
        items=items,
        form=attrs(data_action="add-ref", data_path=format_path(path)),
        select=select_id,
        add_label=html('<span class="visually-hidden">{}: </span>{}', context, add_label)
        if context
        else add_label,
        groups=groups,
        add=t("editor.add"),
        new=href(Place(SOURCES, form.draft.key)),
        new_text=t("editor.sources.new_link"),
    )
