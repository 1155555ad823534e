"""The edition's quizzes: the kommune's own (the editor's drafts, each ticked to go into the
edition, with what the checker says of it under the kommune's settings), and which quizzes the
edition shows, in order."""

from __future__ import annotations

from collections.abc import Mapping

from ..base.markup import Markup, attrs, html, join
from ..base.strings import Catalogue
from .draft import Draft
from .edition import EditionDraft, shown_ids
from .fields import button, problem_slot
from .library import Library
from .problems import count_text
from .routes import QUIZ, Place, href


def own_list(
    t: Catalogue, e: EditionDraft, candidates: list[Draft], own_problems: Mapping[str, int]
) -> Markup:
    """The drafts that can be the kommune's own quizzes, each ticked to go into the edition."""
    if not candidates:
        items: Markup = html('<p class="hint">{}</p>', t("editor.edition.own_none"))
    else:
        items = html(
            '<ul class="chosen">{}</ul>',
            join(
                html(
                    '<li>{box} <code>{name}</code> {state} <a href="{go}">{edit}</a></li>',
                    box=html(
                        '<label class="check-label"><input{}> {}</label>',
                        attrs(
                            type="checkbox",
                            id=f"own-{d.key}",
                            checked=d.key in e.own,
                            data_action="edition-own",
                            data_draft=d.key,
                        ),
                        t("editor.edition.own_take", title=_title(d, t.lang)),
                    ),
                    name=d.name,
                    state=_own_state(t, d, e, own_problems),
                    go=href(Place(QUIZ, d.key)),
                    edit=t("editor.edition.own_edit"),
                )
                for d in candidates
            ),
        )
    return html(
        '<fieldset class="refs" id="own-group"><legend>{}</legend><p class="hint">{}</p>{}'
        "</fieldset>",
        t("editor.edition.own"),
        t("editor.edition.own_about"),
        items,
    )


def _own_state(
    t: Catalogue, d: Draft, e: EditionDraft, own_problems: Mapping[str, int]
) -> Markup | str:
    if d.key not in e.own or d.key not in own_problems:
        return ""
    n = own_problems[d.key]
    text = (
        t("editor.edition.own_ok")
        if n == 0
        else t("editor.edition.own_problems", problems=count_text(t, n))
    )
    return html('<span class="{}">{}</span>', "all-well" if n == 0 else "stale", text)


def show_list(t: Catalogue, e: EditionDraft, library: Library, candidates: list[Draft]) -> Markup:
    """The quizzes the edition shows, in order (none chosen: every quiz), and a list to add
    one from: the app's quizzes and the own quizzes taken."""
    titles = {q.id: q.title.get(t.lang) for q in library.content.quizzes}
    titles.update({d.quiz_id: _title(d, t.lang) for d in candidates if d.key in e.own})
    ids = shown_ids(e)
    items = join(
        html(
            "<li><span>{n}. {title}</span> <code>{id}</code> {up}{down}{remove}{problem}</li>",
            n=n,
            title=titles.get(quiz_id, quiz_id),
            id=quiz_id,
            up=button(
                t("editor.move_up"),
                "edition-move",
                cls="small secondary",
                context=titles.get(quiz_id, quiz_id),
                n=n,
                by=-1,
            )
            if n > 1
            else "",
            down=button(
                t("editor.move_down"),
                "edition-move",
                cls="small secondary",
                context=titles.get(quiz_id, quiz_id),
                n=n,
                by=1,
            )
            if n < len(ids)
            else "",
            remove=button(
                t("editor.remove"),
                "edition-show-remove",
                cls="small secondary",
                context=titles.get(quiz_id, quiz_id),
                n=n,
            ),
            problem=problem_slot(("quizzes", "show", n)),
        )
        for n, quiz_id in enumerate(ids, start=1)
    )
    left = [(i, title) for i, title in titles.items() if i not in ids]
    return html(
        '<fieldset class="refs" id="f-quizzes-show-group" tabindex="-1"><legend>{legend}</legend>'
        '<p class="hint">{hint}</p>{problem}<ol class="chosen">{items}</ol>'
        '<form class="inline-form" data-action="edition-show-add"><label for="show-add">{add_label}'
        '</label><select id="show-add" name="value">{options}</select> '
        '<button type="submit" class="button secondary">{add}</button></form></fieldset>',
        legend=t("editor.edition.key.quizzes.show"),
        hint=t("editor.edition.show_about") if ids else t("editor.edition.show_all"),
        problem=problem_slot(("quizzes", "show")),
        items=items,
        add_label=t("editor.edition.show_add"),
        options=join(
            html("<option{}>{}</option>", attrs(value=i), f"{title} ({i})") for i, title in left
        ),
        add=t("editor.add"),
    )


def _title(draft: Draft, lang: str) -> str:
    title = (draft.doc or {}).get("title")
    text = title.get(lang) if isinstance(title, dict) else None
    return text if isinstance(text, str) and text.strip() else draft.name
