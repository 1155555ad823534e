"""The panels around a draft's form: the list of its parts (with their problems, and a button
per kind of question to add one), and beside it the problems, the preview and the advice."""

from __future__ import annotations

from ..base.markup import Markup, attrs, html, join
from ..base.strings import Catalogue
from ..kinds import REGISTRY
from .check import Checked
from .draft import Draft
from .fields import button
from .problems import count_text
from .routes import QUESTION, QUIZ, SOURCES, Place, href


def preview_modes(t: Catalogue, mode: str, question: bool) -> Markup:
    """What the preview plays: the question shown, or the whole quiz from its start (the only
    choice where no question is shown)."""
    if not question:
        return html('<p class="hint">{}</p>', t("editor.preview.quiz_only"))
    return join(
        html(
            '<button type="button" class="button small secondary"{}>{}</button>',
            attrs(
                id=f"preview-mode-{m}",
                data_action="preview-mode",
                data_mode=m,
                aria_pressed="true" if m == mode else "false",
            ),
            t(f"editor.preview.{m}"),
        )
        for m in ("question", "quiz")
    )


def side_panel(
    t: Catalogue,
    problems: Markup,
    advice: Markup,
    preview_state: Markup,
    mode: str,
    question: bool,
) -> Markup:
    modes = preview_modes(t, mode, question)
    return html(
        '<section class="panel problems" id="editor-problems" aria-labelledby="problems-heading">'
        "{problems}</section>"
        '<section class="panel preview" aria-labelledby="preview-heading"><h2 id="preview-heading">'
        '{heading}</h2><p class="hint">{about}</p><div class="preview-modes" role="group" '
        'id="preview-modes" aria-label="{heading}">{modes}</div>'
        '<div id="preview-state">{state}</div><iframe class="preview-frame" '
        'src="./forhandsvisning.html" title="{frame}"></iframe></section>'
        '<section class="panel advice" id="editor-advice" aria-labelledby="advice-heading">'
        "{advice}</section>",
        problems=problems,
        heading=t("editor.preview.heading"),
        about=t("editor.preview.about"),
        modes=modes,
        state=preview_state,
        frame=t("editor.preview.frame"),
        advice=advice,
    )


def preview_state(t: Catalogue, stale: bool, drawn: bool) -> Markup:
    if not drawn:
        return html('<p class="muted" role="status">{}</p>', t("editor.preview.none"))
    if stale:
        return html('<p class="stale" role="status">{}</p>', t("editor.preview.stale"))
    return Markup("")


def sections_nav(t: Catalogue, draft: Draft, place: Place, checked: Checked) -> Markup:
    """The parts of the draft: the quiz, each question (with its problems), its new sources;
    and a button per kind of question to add one."""
    doc = draft.doc or {}
    questions = doc.get("questions")
    questions = questions if isinstance(questions, list) else []
    items = [
        _nav_item(
            t,
            Place(QUIZ, draft.key),
            t("editor.quiz.heading"),
            place,
            len(checked.on_screen("quiz")),
        )
    ]
    for n, q in enumerate(questions, start=1):
        prompt = q.get("prompt") if isinstance(q, dict) else None
        text = prompt.get(t.lang) if isinstance(prompt, dict) else None
        text = text if isinstance(text, str) and text.strip() else t("editor.question.untitled")
        label = html(
            '<span class="n">{}.</span> {}', n, text if len(text) <= 60 else text[:57] + "…"
        )
        items.append(
            _nav_item(t, Place(QUESTION, draft.key, n), label, place, len(checked.in_question(n)))
        )
    items.append(
        _nav_item(
            t,
            Place(SOURCES, draft.key),
            t("editor.sources.heading"),
            place,
            len(checked.on_screen("sources")),
        )
    )
    adds = join(
        button(
            t(f"editor.kind.{name}"),
            "add-question",
            cls="small secondary",
            kind=name,
        )
        for name in REGISTRY
    )
    return html(
        '<nav aria-labelledby="sections-heading"><h2 id="sections-heading">{}</h2>'
        '<ol class="sections">{}</ol></nav><div class="add-question" role="group" '
        'aria-labelledby="add-heading"><h2 id="add-heading">{}</h2>{}</div>',
        t("editor.sections"),
        join(items),
        t("editor.add_question"),
        adds,
    )


def _nav_item(t: Catalogue, target: Place, label: object, place: Place, problems: int) -> Markup:
    current = target == place
    badge = html(' <span class="badge">{}</span>', count_text(t, problems)) if problems else ""
    return html(
        '<li><a href="{}"{}>{}</a>{}</li>',
        href(target),
        attrs(aria_current="page" if current else None),
        label,
        badge,
    )
