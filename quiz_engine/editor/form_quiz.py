"""The quiz as a whole: its id, kind and place, title, summary and story, topics and sources,
the pass mark and the feedback bands."""

from __future__ import annotations

from ..base.markup import Markup, html, join
from ..base.model import QUIZ_KINDS
from .document import get
from .fields import button, choice, flag, line, problem_slot, text_pair
from .form_parts import Form, source_picker, topic_checks
from .snippets import toolbar


def quiz_form(form: Form) -> Markup:
    t, doc = form.t, form.doc
    kinds = [(k, t(f"editor.quiz_kind.{k}")) for k in QUIZ_KINDS]
    return html(
        '<section class="edit-form" aria-labelledby="section-heading">'
        '<h2 id="section-heading" tabindex="-1">{heading}</h2>{toolbar}{problem}'
        '<div class="field-row">{id}{kind}{order}</div>'
        "{title}{summary}{intro}{topics}{sources}"
        '<div class="field-row">{valid}{pass_mark}</div>{shuffle}{confidence}{bands}</section>',
        heading=t("editor.quiz.heading"),
        toolbar=toolbar(t, form.catalogues),
        problem=problem_slot(()),
        id=line(t, ("id",), t("editor.key.id"), get(doc, ("id",)), hint=t("editor.quiz.id_hint")),
        kind=choice(("kind",), t("editor.key.kind"), get(doc, ("kind",)), kinds),
        order=line(
            t,
            ("order",),
            t("editor.key.order"),
            get(doc, ("order",)),
            kind="number",
            hint=t("editor.quiz.order_hint"),
            min=0,
            max=100000,
        ),
        title=text_pair(t, ("title",), t("editor.key.title"), get(doc, ("title",)), required=True),
        summary=text_pair(
            t, ("summary",), t("editor.key.summary"), get(doc, ("summary",)), required=True
        ),
        intro=text_pair(
            t,
            ("intro",),
            t("editor.key.intro"),
            get(doc, ("intro",)),
            long=True,
            required=True,
            hint=t("editor.quiz.intro_hint"),
        ),
        topics=topic_checks(form, ("topics",)),
        sources=source_picker(form, ("sources",), t("editor.quiz.heading")),
        valid=line(
            t,
            ("valid_as_of",),
            t("editor.key.valid_as_of"),
            get(doc, ("valid_as_of",)),
            kind="date",
            hint=t("editor.quiz.valid_hint"),
        ),
        pass_mark=line(
            t,
            ("pass_mark",),
            t("editor.key.pass_mark"),
            get(doc, ("pass_mark",)),
            kind="number",
            hint=t("editor.quiz.pass_mark_hint"),
            min=0,
            max=100,
        ),
        shuffle=flag(("shuffle",), t("editor.quiz.shuffle"), get(doc, ("shuffle",)) is True),
        confidence=flag(
            ("confidence",), t("editor.quiz.confidence"), get(doc, ("confidence",)) is True
        ),
        bands=_bands(form),
    )


def _bands(form: Form) -> Markup:
    t = form.t
    bands = get(form.doc, ("bands",))
    bands = bands if isinstance(bands, list) else []
    items = []
    for n, band in enumerate(bands, start=1):
        path = ("bands", n)
        name = t("editor.item.band", n=n)
        items.append(
            html(
                '<fieldset class="item" id="f-bands-{n}-group" tabindex="-1"><legend>{name}'
                '</legend>{problem}<div class="field-row">{low}{high}</div>{text}'
                '<p class="item-actions">{remove}</p></fieldset>',
                n=n,
                name=name,
                problem=problem_slot(path),
                low=line(
                    t,
                    (*path, "from"),
                    t("editor.key.from"),
                    get(band, ("from",)),
                    kind="number",
                    context=name,
                    min=0,
                    max=100,
                ),
                high=line(
                    t,
                    (*path, "to"),
                    t("editor.key.to"),
                    get(band, ("to",)),
                    kind="number",
                    context=name,
                    min=0,
                    max=100,
                ),
                text=text_pair(
                    t,
                    (*path, "text"),
                    f"{name}: {t('editor.band.text')}",
                    get(band, ("text",)),
                    required=True,
                ),
                remove=button(t("editor.remove"), "remove-item", context=name, path=f"bands[{n}]"),
            )
        )
    return html(
        '<fieldset class="items" id="f-bands-group" tabindex="-1"><legend>{}</legend>'
        '<p class="hint">{}</p>{}{}<p>{}</p></fieldset>',
        t("editor.key.bands"),
        t("editor.bands.hint"),
        problem_slot(("bands",)),
        join(items),
        button(t("editor.bands.add"), "add-band"),
    )
