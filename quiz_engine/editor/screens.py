"""The editor's screens: the frame, opening a quiz, the edit screen around the forms, the file
as text, and saving. Pure: state in, escaped HTML out."""

from __future__ import annotations

from ..base.markup import Markup, attrs, html, join
from ..base.names import LANGUAGES
from ..base.strings import Catalogue
from .check import Checked
from .draft import Draft
from .fields import button
from .library import Library
from .problems import count_text
from .routes import QUIZ, SAVE, TEXT, Place, href


def frame(t: Catalogue, body: Markup) -> Markup:
    switch = join(
        html(
            '<button type="button" class="lang-button"{}>{}</button>',
            attrs(
                data_action="lang",
                data_lang=lang,
                lang=lang,
                aria_pressed="true" if lang == t.lang else "false",
            ),
            t(f"lang.{lang}"),
        )
        for lang in LANGUAGES
    )
    return html(
        '<a class="skip-link" href="#main">{skip}</a>'
        '<header class="site-header"><div class="wrap header-row">'
        '<a class="brand" href="#/"><span class="brand-mark" aria-hidden="true"></span>'
        "<span>{brand}</span></a>"
        '<nav class="site-nav" aria-label="{nav}"><a href="#/">{open}</a> '
        '<a href="#/utgave">{edition}</a> <a href="../">{app}</a></nav>'
        '<div class="lang-switch" role="group" aria-label="{choose}">{switch}</div>'
        "</div></header>"
        '<main id="main" class="wrap editor" tabindex="-1">{body}</main>'
        '<footer class="site-footer"><div class="wrap"><p>{privacy}</p></div></footer>',
        skip=t("layout.skip"),
        brand=t("editor.name"),
        nav=t("layout.nav"),
        open=t("editor.nav.open"),
        edition=t("editor.nav.edition"),
        app=t("editor.nav.app"),
        choose=t("lang.choose"),
        switch=switch,
        body=body,
        privacy=t("editor.privacy"),
    )


def start_screen(t: Catalogue, library: Library, drafts: list[Draft], confirm: str = "") -> Markup:
    lang = t.lang
    mine = join(
        html(
            '<li><span class="draft-name"><strong>{title}</strong> <code>{name}</code></span> '
            "{go} {remove}{confirm}</li>",
            title=_title(d, lang),
            name=d.name,
            go=html(
                '<a class="button primary small" href="{}"{}>{}</a>',
                href(Place(QUIZ, d.key)),
                attrs(aria_label=f"{t('editor.start.continue')}: {_title(d, lang)}"),
                t("editor.start.continue"),
            ),
            remove=button(
                t("editor.start.discard"),
                "ask-discard",
                cls="secondary small",
                context=_title(d, lang),
                draft=d.key,
            ),
            confirm=_confirm_discard(t, d) if confirm == d.key else "",
        )
        for d in drafts
    )
    shipped = join(
        html(
            '<li><span class="draft-name">{title} <code>{name}</code></span> {open}</li>',
            title=q.title.get(lang),
            name=library.quiz_files.get(q.id, ""),
            open=button(
                t("editor.start.open"),
                "open-shipped",
                cls="secondary small",
                context=q.title.get(lang),
                quiz=q.id,
            ),
        )
        for q in library.content.quizzes
    )
    return html(
        '<section class="editor-start"><h1 tabindex="-1">{heading}</h1><p class="lede">{lede}</p>'
        "{drafts}"
        '<section aria-labelledby="open-file-heading" class="panel"><h2 id="open-file-heading">'
        '{file_heading}</h2><p>{file_about}</p><div class="drop-zone" data-drop>'
        '<label for="open-file" class="button primary">{choose}</label>'
        '<input id="open-file" class="visually-hidden" type="file" accept=".toml" multiple '
        "data-open><p>{drop}</p></div></section>"
        '<section aria-labelledby="new-heading" class="panel">'
        '<h2 id="new-heading">{new_heading}</h2><p>{new_about}</p><p>{new}</p></section>'
        '<section aria-labelledby="edition-heading" class="panel">'
        '<h2 id="edition-heading">{edition_heading}</h2><p>{edition_about}</p>'
        '<p><a class="button primary" href="#/utgave">{edition_go}</a></p></section>'
        '<section aria-labelledby="shipped-heading" class="panel"><h2 id="shipped-heading">'
        '{shipped_heading}</h2><ul class="quiz-list">{shipped}</ul></section></section>',
        heading=t("editor.start.heading"),
        lede=t("editor.start.lede"),
        drafts=html(
            '<section aria-labelledby="drafts-heading" class="panel"><h2 id="drafts-heading">{}'
            '</h2><p>{}</p><ul class="quiz-list">{}</ul></section>',
            t("editor.start.drafts"),
            t("editor.start.drafts_about"),
            mine,
        )
        if drafts
        else "",
        file_heading=t("editor.start.file_heading"),
        file_about=t("editor.start.file_about"),
        choose=t("editor.start.choose"),
        drop=t("editor.start.drop"),
        new_heading=t("editor.start.new_heading"),
        new_about=t("editor.start.new_about"),
        new=button(t("editor.start.new"), "new-quiz"),
        edition_heading=t("editor.start.edition_heading"),
        edition_about=t("editor.start.edition_about"),
        edition_go=t("editor.start.edition_go"),
        shipped_heading=t("editor.start.shipped"),
        shipped=shipped,
    )


def _confirm_discard(t: Catalogue, draft: Draft) -> Markup:
    return html(
        '<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" tabindex="-1" '
        'id="confirm"><p id="confirm-text">{}</p><p>{} {}</p></div>',
        t("editor.start.discard_confirm", name=draft.name),
        button(t("editor.start.discard_yes"), "discard", cls="primary small", draft=draft.key),
        button(t("editor.cancel"), "cancel", cls="secondary small"),
    )


def _title(draft: Draft, lang: str) -> str:
    title = (draft.doc or {}).get("title")
    text = title.get(lang) if isinstance(title, dict) else None
    return text if isinstance(text, str) and text.strip() else draft.name


def draft_head(t: Catalogue, draft: Draft, place: Place, checked: Checked) -> Markup:
    """The draft's name, where it is kept, how many problems, and the screens of the draft."""
    tabs = [
        (Place(QUIZ, draft.key), t("editor.tab.form"), place.edits),
        (Place(TEXT, draft.key), t("editor.tab.text"), place.name == TEXT),
        (Place(SAVE, draft.key), t("editor.tab.save"), place.name == SAVE),
    ]
    return html(
        '<div class="draft-head"><h1 tabindex="-1">{title}</h1>'
        '<p class="draft-file" id="draft-status">{status}</p></div>'
        '<nav class="draft-tabs" aria-label="{tabs_label}">{tabs}</nav>',
        title=_title(draft, t.lang),
        status=draft_status(t, draft, checked),
        tabs_label=t("editor.tab.label"),
        tabs=join(
            html('<a href="{}"{}>{}</a>', href(p), attrs(aria_current="page" if on else None), text)
            for p, text, on in tabs
        ),
    )


def draft_status(t: Catalogue, draft: Draft, checked: Checked) -> Markup:
    n = len(checked.problems)
    state = count_text(t, n) if n else t("editor.problems.none_short")
    return html("<code>{}</code> · {} · {}", draft.name, t("editor.kept"), state)


def edit_screen(t: Catalogue, head: Markup, nav: Markup, form: Markup, side: Markup) -> Markup:
    """The forms of a draft: the list of its parts, the form, and beside them the problems,
    the advice and the preview (redrawn in place while the writer types)."""
    return html(
        '{head}<div class="editor-grid"><div class="editor-nav" id="editor-nav">{nav}</div>'
        '<div class="editor-form" id="editor-form">{form}</div>'
        '<div class="editor-side">{side}</div></div>',
        head=head,
        nav=nav,
        form=form,
        side=side,
    )
