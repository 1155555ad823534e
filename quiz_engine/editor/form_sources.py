"""The quiz's own new sources: the ones its questions cite that no source list of the app has.

They are saved in a file of their own beside the quiz (``sources-<name>.toml``): the checker
reads every file whose name starts with "sources", so the quiz and that file pass
``python -m quiz_engine check`` together, and the app's own lists stay as they are.
"""

from __future__ import annotations

from typing import Any

from ..base.markup import Markup, attrs, html, join
from ..base.model import SOURCE_KINDS
from .document import get
from .fields import SOURCES_FILE, button, choice, line, problem_slot, text_pair
from .form_parts import Form


def sources_form(form: Form, error: str = "") -> Markup:
    t = form.t
    own: Any = get(form.draft.sources_doc or {}, ("sources",))
    own = own if isinstance(own, dict) else {}
    kinds = [(k, t(f"editor.source_kind.{k}")) for k in SOURCE_KINDS]
    items = []
    for source_id, entry in own.items():
        path = ("sources", source_id)
        name = t("editor.item.source", id=source_id)
        entry = entry if isinstance(entry, dict) else {}
        items.append(
            html(
                '<fieldset class="item" id="f-s-sources-{key}-group" tabindex="-1"><legend>{name}'
                "</legend>{problem}{kind}{title}"
                '<div class="field-row">{url}{valid}</div><p class="item-actions">{remove}</p>'
                "</fieldset>",
                key=source_id,
                name=name,
                problem=problem_slot(path, SOURCES_FILE),
                kind=choice(
                    (*path, "kind"),
                    t("editor.key.kind"),
                    entry.get("kind"),
                    kinds,
                    context=name,
                    file=SOURCES_FILE,
                ),
                title=text_pair(
                    t,
                    (*path, "title"),
                    f"{name}: {t('editor.key.title')}",
                    entry.get("title"),
                    required=True,
                    file=SOURCES_FILE,
                ),
                url=line(
                    t,
                    (*path, "url"),
                    t("editor.key.url"),
                    entry.get("url"),
                    kind="url",
                    hint=t("editor.sources.url_hint"),
                    context=name,
                    file=SOURCES_FILE,
                ),
                valid=line(
                    t,
                    (*path, "valid_as_of"),
                    t("editor.key.valid_as_of"),
                    entry.get("valid_as_of"),
                    kind="date",
                    context=name,
                    file=SOURCES_FILE,
                ),
                remove=button(t("editor.remove"), "remove-source", context=name, value=source_id),
            )
        )
    return html(
        '<section class="edit-form" aria-labelledby="section-heading">'
        '<h2 id="section-heading" tabindex="-1">{heading}</h2><p>{about}</p>{problem}{items}'
        '<form class="inline-form add-source"{form}><label for="new-source-id">{label}</label> '
        '<input id="new-source-id" name="id" type="text" aria-describedby="new-source-hint '
        'new-source-error"{invalid}> <button type="submit" class="button secondary">{add}</button>'
        '<p class="hint" id="new-source-hint">{hint}</p>'
        '<p class="field-problem" id="new-source-error"{hidden}>{error}</p></form></section>',
        heading=t("editor.sources.heading"),
        about=t("editor.sources.about", file=form.draft.sources_name),
        problem=problem_slot((), SOURCES_FILE),
        items=join(items) if items else html('<p class="muted">{}</p>', t("editor.sources.none")),
        form=attrs(data_action="add-source"),
        label=t("editor.sources.new_id"),
        invalid=attrs(aria_invalid="true" if error else None),
        add=t("editor.sources.add_new"),
        hint=t("editor.sources.id_hint"),
        hidden=attrs(hidden=not error),
        error=error,
    )
