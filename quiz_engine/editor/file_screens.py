"""The draft as a file: its text, for a file the forms cannot show (not TOML) or for those who
like the text; and saving it, with what the checker will say and where the files go."""

from __future__ import annotations

from ..base.markup import Markup, html
from ..base.strings import Catalogue
from .check import Checked
from .draft import Draft
from .fields import button


def text_screen(t: Catalogue, draft: Draft, problems: Markup) -> Markup:
    state = t("editor.text.not_toml") if draft.doc is None else t("editor.text.about")
    return html(
        '<div class="text-screen"><section class="edit-form" aria-labelledby="section-heading">'
        '<h2 id="section-heading" tabindex="-1">{heading}</h2><p id="text-state">{state}</p>'
        '<label for="file-text">{label}</label>'
        '<textarea id="file-text" class="file-text" data-text rows="30" spellcheck="false" '
        'aria-describedby="text-state">{text}</textarea></section>'
        '<section class="panel problems" id="editor-problems" aria-labelledby="problems-heading">'
        "{problems}</section></div>",
        heading=t("editor.text.heading", name=draft.name),
        state=state,
        label=t("editor.text.label", name=draft.name),
        text=draft.text,
        problems=problems,
    )


def save_screen(t: Catalogue, draft: Draft, checked: Checked) -> Markup:
    n = len(checked.problems)
    verdict = (
        html('<p class="all-well">{}</p>', t("editor.save.ok"))
        if n == 0
        else html('<p class="stale">{}</p>', t("editor.save.problems", n=n))
    )
    files = [
        html(
            "<li><code>{}</code> {}</li>",
            draft.name,
            button(
                t("editor.save.download", name=draft.name), "download", cls="primary", file="quiz"
            ),
        )
    ]
    if draft.sources_text.strip():
        files.append(
            html(
                "<li><code>{}</code> {}<p class='hint'>{}</p></li>",
                draft.sources_name,
                button(
                    t("editor.save.download", name=draft.sources_name),
                    "download",
                    cls="primary",
                    file="sources",
                ),
                t("editor.save.sources_about"),
            )
        )
    notes = [t("editor.save.where"), t("editor.save.format")]
    if draft.comments:
        notes.append(
            t("editor.save.comments_kept" if not draft.edited else "editor.save.comments_lost")
        )
    return html(
        '<section class="edit-form save-screen" aria-labelledby="section-heading">'
        '<h2 id="section-heading" tabindex="-1">{heading}</h2>{verdict}'
        '<ul class="save-files">{files}</ul>{notes}</section>',
        heading=t("editor.save.heading"),
        verdict=verdict,
        files=Markup("".join(files)),
        notes=Markup("".join(html("<p>{}</p>", note) for note in notes)),
    )


def download(draft: Draft, which: str) -> dict[str, str]:
    """The file to save: the quiz, or its own sources."""
    if which == "sources":
        return {"name": draft.sources_name, "text": draft.sources_text, "type": "application/toml"}
    return {"name": draft.name, "text": draft.text, "type": "application/toml"}
