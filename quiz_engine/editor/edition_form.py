"""The edition's form: a field for every key of ``kommune.toml`` (docs/kommune.md), each with
the place beside it where the settings checker's problem for that key is shown, the colour's
contrast measured as it is picked, the coat of arms chosen as a file, the kommune's own quizzes
(the editor's drafts) and which quizzes the edition shows, in order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base.edition import CONTACT_FIELDS, CONTACT_ROLES, LINK_NAMES
from ..base.markup import Markup, attrs, html, join
from ..base.names import LANGUAGES
from ..base.strings import Catalogue
from ..content.kommune import contrast, shown
from ..content.kommune.contrast import AA_TEXT, HEX
from ..content.kommune.fields import ON_PRIMARY, SHORT_NAME_MAX, SURFACES
from .document import get
from .draft import Draft
from .edition import EditionDraft
from .edition_quizzes import own_list, show_list
from .fields import button, choice, field_id, line, problem_slot, slot_id
from .library import Library

APP_COLOUR = "#1d3b53"  # the app's own colour, what the picker starts from
EDITION_FILE = "edition"  # the form's controls' data-file: the shell sends it with each edit
PICKER = "picker"  # the colour picker's: the engine then redraws the colour's text field
PRIMARY = ("theme", "primary")


def _field(
    t: Catalogue, e: EditionDraft, path: tuple[str, ...], kind: str = "text", **more: Any
) -> Markup:
    key = ".".join(path)
    hint_key = f"editor.edition.hint.{key}"
    hint = t(hint_key) if hint_key in t.entries else ""
    label = t(f"editor.edition.key.{key}")
    return line(t, path, label, get(e.settings, path), kind=kind, hint=hint, **more)


def _panel(heading_id: str, heading: str, about: str, body: Markup) -> Markup:
    return html(
        '<section class="panel edition-part" aria-labelledby="{id}"><h2 id="{id}">{heading}</h2>'
        "{about}{body}</section>",
        id=heading_id,
        heading=heading,
        about=html('<p class="hint">{}</p>', about) if about else "",
        body=body,
    )


def edition_form(
    t: Catalogue,
    e: EditionDraft,
    library: Library,
    candidates: list[Draft],
    own_problems: Mapping[str, int],
) -> Markup:
    languages = [(lang, t(f"lang.{lang}")) for lang in LANGUAGES]
    kommune = join(
        [
            problem_slot(("kommune",)),
            _field(t, e, ("kommune", "name"), autocomplete="organization"),
            _field(t, e, ("kommune", "short_name"), maxlength=SHORT_NAME_MAX * 3),
            choice(
                ("kommune", "default_language"),
                t("editor.edition.key.kommune.default_language"),
                get(e.settings, ("kommune", "default_language")) or LANGUAGES[0],
                languages,
                file=EDITION_FILE,
            ),
            arms_field(t, e),
        ]
    )
    contacts = join(
        html(
            '<fieldset class="item" id="{id}-group"><legend>{legend}</legend>{about}{problem}'
            '<div class="field-row">{fields}</div></fieldset>',
            id=field_id(("contacts", role)),
            legend=t(f"editor.edition.role.{role}"),
            about=html('<p class="hint">{}</p>', t(f"editor.edition.role_about.{role}")),
            problem=problem_slot(("contacts", role)),
            fields=join(
                line(
                    t,
                    ("contacts", role, name),
                    t(f"editor.edition.contact.{name}"),
                    get(e.settings, ("contacts", role, name)),
                    context=t(f"editor.edition.role.{role}"),
                    kind={"phone": "tel", "email": "email", "url": "url"}.get(name, "text"),
                )
                for name in CONTACT_FIELDS
            ),
        )
        for role in CONTACT_ROLES
    )
    links = join(_field(t, e, ("links", name), kind="url") for name in LINK_NAMES)
    statement = join(
        _field(t, e, ("accessibility", name), kind="url" if name == "statement" else "text")
        for name in ("statement", "publisher", "contact")
    )
    return html(
        '<div class="edition-form" id="edition-form">{kommune}{colour}{gifts}{contacts}{links}'
        "{statement}{quizzes}</div>",
        kommune=_panel("part-kommune", t("editor.edition.part.kommune"), "", kommune),
        colour=_panel("part-theme", t("editor.edition.part.theme"), "", colour_field(t, e)),
        gifts=_panel(
            "part-gifts",
            t("editor.edition.part.gifts"),
            "",
            _field(t, e, ("gifts", "limit_nok"), kind="number", min=1, max=100_000),
        ),
        contacts=_panel(
            "part-contacts",
            t("editor.edition.part.contacts"),
            t("editor.edition.part.contacts_about"),
            html("{}{}", problem_slot(("contacts",)), contacts),
        ),
        links=_panel("part-links", t("editor.edition.part.links"), "", links),
        statement=_panel(
            "part-accessibility",
            t("editor.edition.part.accessibility"),
            t("editor.edition.part.accessibility_about"),
            html("{}{}", problem_slot(("accessibility",)), statement),
        ),
        quizzes=_panel(
            "part-quizzes",
            t("editor.edition.part.quizzes"),
            "",
            html(
                "{}{}",
                own_list(t, e, candidates, own_problems),
                show_list(t, e, library, candidates),
            ),
        ),
    )


def arms_field(t: Catalogue, e: EditionDraft) -> Markup:
    """The coat of arms: a file chosen, read as it is chosen and checked by the build's rules."""
    path = ("kommune", "coat_of_arms")
    chosen = (
        html(
            '<p class="chosen-file">{} <code>{}</code> {}</p>',
            t("editor.edition.arms_chosen"),
            e.arms_name,
            button(t("editor.edition.arms_remove"), "edition-arms-remove", cls="small secondary"),
        )
        if e.arms_name
        else html('<p class="hint">{}</p>', t("editor.edition.arms_none"))
    )
    return html(
        '<div class="field"><p class="label">{legend}</p>{chosen}<p class="hint" id="arms-hint">'
        '{hint}</p><label for="{id}" class="button secondary">{choose}</label>'
        "<input{input}>{problem}</div>",
        legend=t("editor.edition.key.kommune.coat_of_arms"),
        chosen=chosen,
        hint=t("editor.edition.arms_hint"),
        id=field_id(path),
        choose=t("editor.edition.arms_choose"),
        input=attrs(
            id=field_id(path),
            class_="visually-hidden",
            type="file",
            accept=".svg,.png,image/svg+xml,image/png",
            data_arms="",
            aria_describedby=f"{slot_id(path)} arms-hint",
        ),
        problem=problem_slot(path),
    )


def colour_field(t: Catalogue, e: EditionDraft) -> Markup:
    """The colour as text and as a picker (both the same key), and its contrast, measured."""
    return html(
        '<div class="colour-row"><div id="colour-text">{text}</div>'
        '<div id="colour-picker">{picker}</div></div>{problem}'
        '<p class="contrast" id="edition-contrast">{readout}</p>',
        text=colour_text(t, e),
        picker=colour_picker(t, e),
        problem=problem_slot(PRIMARY),
        readout=contrast_text(t, e),
    )


def colour_text(t: Catalogue, e: EditionDraft) -> Markup:
    value = get(e.settings, PRIMARY)
    return html(
        '<div class="field"><label for="{id}">{label}</label><p class="hint" id="{id}-hint">'
        "{hint}</p><input{attrs}></div>",
        id=field_id(PRIMARY),
        label=t("editor.edition.key.theme.primary"),
        hint=t("editor.edition.hint.theme.primary"),
        attrs=attrs(
            id=field_id(PRIMARY),
            type="text",
            value=value if isinstance(value, str) else "",
            data_path="theme.primary",
            data_file=EDITION_FILE,
            spellcheck="false",
            aria_describedby=f"{slot_id(PRIMARY)} {field_id(PRIMARY)}-hint edition-contrast",
        ),
    )


def colour_picker(t: Catalogue, e: EditionDraft) -> Markup:
    value = get(e.settings, PRIMARY)
    picked = value.lower() if isinstance(value, str) and HEX.match(value) else APP_COLOUR
    return html(
        '<div class="field"><label for="{id}">{label}</label><input{attrs}></div>',
        id=field_id(PRIMARY) + "-picker",
        label=t("editor.edition.picker"),
        attrs=attrs(
            id=field_id(PRIMARY) + "-picker",
            type="color",
            value=picked,
            data_path="theme.primary",
            data_file=PICKER,
            aria_describedby="edition-contrast",
        ),
    )


def contrast_text(t: Catalogue, e: EditionDraft) -> str:
    """The colour's contrast with white text on it and as text on the app's light backgrounds."""
    value = get(e.settings, PRIMARY)
    if not isinstance(value, str) or not HEX.match(value):
        return t("editor.edition.contrast_none", need=f"{AA_TEXT}:1")
    on = contrast(value, ON_PRIMARY)
    worst = min(contrast(value, surface) for surface in SURFACES)
    ok = on >= AA_TEXT and worst >= AA_TEXT
    return t(
        "editor.edition.contrast_ok" if ok else "editor.edition.contrast_low",
        white=shown(on),
        light=shown(worst),
        need=f"{AA_TEXT}:1",
    )
