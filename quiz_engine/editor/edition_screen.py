"""The edition's screens: its settings (the form, with every problem listed beside it) and its
files to download (``kommune.toml``, the own quizzes, the whole folder as a zip)."""

from __future__ import annotations

from ..base.markup import Markup, attrs, html, join
from ..base.strings import Catalogue
from .edition import SETTINGS_NAME, EditionChecked
from .fields import button
from .problems import count_text
from .routes import EDITION, EDITION_FILES, Place, href

ZIP_NAME = "kommune.zip"


def problem_count(checked: EditionChecked) -> int:
    return len(checked.problems) + sum(checked.own_problems.values())


def status_text(t: Catalogue, checked: EditionChecked) -> str:
    n = problem_count(checked)
    return (
        t("editor.edition.status_ok")
        if n == 0
        else t("editor.edition.status_problems", problems=count_text(t, n))
    )


def edition_head(t: Catalogue, place: Place, checked: EditionChecked) -> Markup:
    tabs = [
        (Place(EDITION), t("editor.edition.tab.settings")),
        (Place(EDITION_FILES), t("editor.edition.tab.files")),
    ]
    return html(
        '<div class="draft-head"><h1 tabindex="-1">{title}</h1>'
        '<p class="draft-file" id="edition-status">{status}</p></div>'
        '<nav class="draft-tabs" aria-label="{label}">{tabs}</nav>',
        title=t("editor.edition.heading"),
        status=status_text(t, checked),
        label=t("editor.edition.tab.label"),
        tabs=join(
            html(
                '<a href="{}"{}>{}</a>',
                href(p),
                attrs(aria_current="page" if p.name == place.name else None),
                text,
            )
            for p, text in tabs
        ),
    )


def problems_list(t: Catalogue, checked: EditionChecked) -> Markup:
    """Every problem of the settings, in the checker's words, with its key and line."""
    if not checked.problems:
        own = sum(checked.own_problems.values())
        text = t("editor.edition.problems_none") if not own else t("editor.edition.own_first")
        return html(
            '<h2 id="problems-heading">{}</h2><p class="{}">{}</p>',
            t("editor.problems.none_heading") if not own else t("editor.edition.problems_heading"),
            "all-well" if not own else "stale",
            text,
        )
    items = join(
        html(
            '<li class="problem"><code>{}</code> <span class="line">{}</span>'
            '<p class="problem-text" lang="en">{}</p></li>',
            p.path or SETTINGS_NAME,
            t("editor.line", n=p.line) if p.line else "",
            p.message,
        )
        for p in checked.problems
    )
    return html(
        '<h2 id="problems-heading">{}</h2><p class="hint">{}</p><ol class="problem-list">{}</ol>',
        t("editor.edition.problems_heading"),
        t("editor.edition.problems_about"),
        items,
    )


def settings_screen(t: Catalogue, head: Markup, form: Markup, checked: EditionChecked) -> Markup:
    return html(
        '{head}<p class="lede">{lede}</p><div class="edition-grid">{form}'
        '<div class="editor-side"><section class="panel problems" id="edition-problems" '
        'aria-labelledby="problems-heading">{problems}</section></div></div>',
        head=head,
        lede=t("editor.edition.lede"),
        form=form,
        problems=problems_list(t, checked),
    )


def files_screen(
    t: Catalogue, head: Markup, checked: EditionChecked, names: list[str], site: bool
) -> Markup:
    """The files: the settings, each own quiz file, the whole folder; and, where this editor
    can build it, the finished site."""
    n = problem_count(checked)
    verdict = (
        html('<p class="all-well">{}</p>', t("editor.edition.files_ok"))
        if n == 0
        else html('<p class="stale">{}</p>', t("editor.edition.files_problems", n=n))
    )
    files = join(
        html(
            "<li><code>{}</code> {}</li>",
            name,
            button(
                t("editor.save.download", name=name), "edition-download", cls="primary", name=name
            ),
        )
        for name in names
    )
    folder = html(
        '<section class="panel" aria-labelledby="folder-heading"><h2 id="folder-heading">{}</h2>'
        "<p>{}</p><p>{}</p></section>",
        t("editor.edition.folder_heading"),
        t("editor.edition.folder_about", name=ZIP_NAME),
        button(t("editor.save.download", name=ZIP_NAME), "edition-zip", cls="primary"),
    )
    finished = (
        html(
            '<section class="panel" aria-labelledby="site-heading"{}><h2 id="site-heading">{}'
            "</h2><p>{}</p><p>{}</p></section>",
            attrs(
                data_built=t("editor.edition.site_done"),
                data_failed=t("editor.edition.site_failed"),
            ),
            t("editor.edition.site_heading"),
            t("editor.edition.site_about"),
            button(t("editor.edition.site_download"), "edition-site", cls="primary"),
        )
        if site
        else ""
    )
    return html(
        '{head}<section class="edit-form save-screen" aria-labelledby="section-heading">'
        '<h2 id="section-heading" tabindex="-1">{heading}</h2>{verdict}'
        '<ul class="save-files">{files}</ul><p>{where}</p></section>{folder}{finished}',
        head=head,
        heading=t("editor.edition.files_heading"),
        verdict=verdict,
        files=files,
        where=t("editor.edition.files_where"),
        folder=folder,
        finished=finished,
    )
