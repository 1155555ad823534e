"""Placeholders for a kommune's settings, offered to insert rather than typed from memory.

Each snippet is a placeholder with its neutral fallback, or a sentence that differs with and
without the setting (docs/authoring.md, section 15), written in the catalogue of the language of
the text it goes into; a unit test checks that every snippet passes the checker.
"""

from __future__ import annotations

from ..base.markup import Markup, attrs, html, join
from ..base.strings import Catalogue

# The settings a snippet is offered for, in the order the toolbar shows them.
SNIPPETS = (
    "kommune",
    "gifts",
    "contacts_hets",
    "contacts_habilitet",
    "contacts_varsling",
    "links_ethics",
    "links_social_media",
    "links_reglement",
)


def snippet(catalogues: dict[str, Catalogue], name: str, lang: str) -> str:
    return catalogues[lang](f"editor.snippet.{name}")


def toolbar(t: Catalogue, catalogues: dict[str, Catalogue]) -> Markup:
    """Buttons that put a placeholder where the cursor is, in the last text field used; the
    shell inserts the text for that field's language."""
    buttons = join(
        html(
            '<button type="button" class="button small"{}>{}</button>',
            attrs(
                data_insert_nb=snippet(catalogues, name, "nb"),
                data_insert_nn=snippet(catalogues, name, "nn"),
            ),
            t(f"editor.snippet.{name}.label"),
        )
        for name in SNIPPETS
    )
    return html(
        '<details class="snippets"><summary>{}</summary><p class="hint">{}</p>'
        '<div class="snippet-buttons" role="group" aria-label="{}"{}>{}</div></details>',
        t("editor.snippets.summary"),
        t("editor.snippets.hint"),
        t("editor.snippets.summary"),
        attrs(data_none=t("editor.snippets.no_field")),
        buttons,
    )
