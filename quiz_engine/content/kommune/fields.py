"""The checks of each key in kommune.toml: each reads one value, records a problem when it is
wrong, and returns what the edition gets (or nothing)."""

from __future__ import annotations

import re
from typing import Any

from ...base.edition import CONTACT_FIELDS, CONTACT_ROLES, LINK_NAMES, Contact, Statement
from ...base.errors import Table
from ...base.names import LANGUAGES
from ..reader import Reader
from .contrast import AA_TEXT, HEX, contrast, shown
from .images import UnsafeImage, check_image
from .nearby import Nearby

# Every key the file may hold, by section (docs/kommune.md documents each; a test checks).
KEYS: dict[str, tuple[str, ...]] = {
    "kommune": ("name", "short_name", "default_language", "coat_of_arms"),
    "theme": ("primary",),
    "gifts": ("limit_nok",),
    **{f"contacts.{role}": CONTACT_FIELDS for role in CONTACT_ROLES},
    "links": LINK_NAMES,
    "quizzes": ("show", "extra"),
    "accessibility": ("statement", "publisher", "contact"),
}
# White text on the colour (buttons, the header), and the colour as text on the page's
# surfaces (links, outlined buttons): see web/app/static/style.css.
ON_PRIMARY = "#ffffff"
SURFACES = ("#f6f4ef", "#ffffff", "#eef3f6")
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{2,20}$")
EMAIL = re.compile(r"^[^@\s\"<>]+@[^@\s\"<>]+\.[a-z]{2,}$", re.I)
SHORT_NAME_MAX = 12  # what a phone's home screen shows under the icon


def section(
    reader: Reader, data: Table, path: tuple[str, ...], allowed: tuple[str, ...] | None = None
) -> Table:
    value = data.get(path[-1], {})
    if not isinstance(value, dict):
        reader.problem(path, f"write {'.'.join(path)} as a section: [{'.'.join(path)}].")
        return {}
    reader.known_keys(value, path, KEYS[".".join(path)] if allowed is None else allowed)
    return value


def short_name(reader: Reader, kommune: Table) -> str:
    if "short_name" not in kommune:
        return ""
    value = reader.string(kommune, ("kommune",), "short_name", 'a short name, like "Fjellvik"')
    if value is not None and len(value) > SHORT_NAME_MAX:
        reader.problem(
            ("kommune", "short_name"),
            f'"short_name" has {len(value)} characters; a home screen shows about '
            f"{SHORT_NAME_MAX}. Shorten it.",
        )
        return ""
    return value or ""


def language(reader: Reader, kommune: Table) -> str:
    if "default_language" not in kommune:
        return LANGUAGES[0]
    value = reader.string(kommune, ("kommune",), "default_language", '"nb" or "nn"')
    if value is not None and value not in LANGUAGES:
        reader.problem(
            ("kommune", "default_language"),
            f'"default_language" must be "nb" (bokmål) or "nn" (nynorsk), not "{value}".',
        )
        return LANGUAGES[0]
    return value or LANGUAGES[0]


def coat_of_arms(reader: Reader, kommune: Table, nearby: Nearby) -> tuple[str, bytes] | None:
    """The coat of arms' file name and bytes, checked (``images.py``)."""
    if "coat_of_arms" not in kommune:
        return None
    key = ("kommune", "coat_of_arms")
    value = reader.string(kommune, ("kommune",), "coat_of_arms", 'a file name, like "vapen.svg"')
    if value is None:
        return None
    if not value.lower().endswith((".svg", ".png")):
        reader.problem(key, f'the coat of arms "{value}" must be an .svg or a .png file.')
        return None
    if not nearby.inside(value):
        reader.problem(key, f'the coat of arms "{value}" must be in the folder of this file.')
        return None
    data = nearby.read(value)
    if data is None:
        reader.problem(key, f'there is no file "{value}" next to this file. Put it there.')
        return None
    try:
        check_image(value, data)
    except UnsafeImage as error:
        reader.problem(
            key,
            f'the coat of arms "{value}" {error}. Export it again as a plain SVG (no scripts, '
            "event handlers or links to other files) or as a PNG.",
        )
        return None
    return value, data


def primary(reader: Reader, theme: Table) -> str:
    if "primary" not in theme:
        return ""
    colour = reader.string(theme, ("theme",), "primary", 'a colour like "#1f4e5f"')
    if colour is None:
        return ""
    key = ("theme", "primary")
    if not HEX.match(colour):
        reader.problem(
            key, f'"primary" must be a colour written #rrggbb, like "#1f4e5f", not "{colour}".'
        )
        return ""
    on = contrast(colour, ON_PRIMARY)
    if on < AA_TEXT:
        reader.problem(
            key,
            f"white text on {colour} has a contrast of {shown(on)}; WCAG AA needs {AA_TEXT}:1. "
            "Choose a darker colour.",
        )
        return ""
    worst = min(SURFACES, key=lambda surface: contrast(colour, surface))
    ratio = contrast(colour, worst)
    if ratio < AA_TEXT:
        reader.problem(
            key,
            f"{colour} as text on the app's light background {worst} has a contrast of "
            f"{shown(ratio)}; WCAG AA "
            f"needs {AA_TEXT}:1. Choose a darker colour.",
        )
        return ""
    return colour.lower()


def https(reader: Reader, table: Table, path: tuple[str, ...], key: str) -> str | None:
    url = reader.string(table, path, key, 'a web address, like "https://fjellvik.kommune.no/"')
    if url is not None and (not url.startswith("https://") or len(url) <= len("https://")):
        reader.problem((*path, key), f'the web address must start with "https://", not "{url}".')
        return None
    return url


def contacts(reader: Reader, data: Table) -> dict[str, Contact]:
    roles = section(reader, data, ("contacts",), CONTACT_ROLES)
    out: dict[str, Contact] = {}
    for role in CONTACT_ROLES:
        if role not in roles:
            continue
        path = ("contacts", role)
        table = section(reader, roles, path)
        if not table:
            reader.problem(path, f"[contacts.{role}] is empty. Add name, phone, email or url.")
            continue
        fields: dict[str, Any] = {}
        if "name" in table:
            fields["name"] = reader.string(table, path, "name", "a name")
        if "phone" in table:
            phone = reader.string(table, path, "phone", 'a phone number, like "12 34 56 78"')
            if phone is not None and not PHONE.match(phone):
                reader.problem(
                    (*path, "phone"),
                    f'"{phone}" is not a phone number. '
                    'Write digits and spaces, like "12 34 56 78".',
                )
                phone = None
            fields["phone"] = phone
        if "email" in table:
            email = reader.string(table, path, "email", "an e-mail address")
            if email is not None and not EMAIL.match(email):
                reader.problem(
                    (*path, "email"),
                    f'"{email}" is not an e-mail address. '
                    'Write it like "post@fjellvik.kommune.no".',
                )
                email = None
            fields["email"] = email
        if "url" in table:
            fields["url"] = https(reader, table, path, "url")
        out[role] = Contact(**fields)
    return out


def links(reader: Reader, links: Table) -> dict[str, str]:
    out = {}
    for name in LINK_NAMES:
        if name in links and (url := https(reader, links, ("links",), name)) is not None:
            out[name] = url
    return out


def show(reader: Reader, quizzes: Table) -> tuple[str, ...]:
    if "show" not in quizzes:
        return ()
    ids = reader.ids(quizzes, ("quizzes",), "show", "quiz")
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        reader.problem(
            ("quizzes", "show"), f'"show" names {", ".join(doubles)} twice. Name each quiz once.'
        )
    return ids


def extra(reader: Reader, quizzes: Table, nearby: Nearby) -> str | None:
    """The folder of the kommune's own quizzes, as written (relative to the settings file)."""
    if "extra" not in quizzes:
        return None
    value = reader.string(quizzes, ("quizzes",), "extra", 'a folder, like "scenarios/"')
    if value is None:
        return None
    if not nearby.is_folder(value):
        reader.problem(("quizzes", "extra"), f'there is no folder "{value}" next to this file.')
        return None
    return value


def accessibility(reader: Reader, table: Table, kommune_name: str) -> Statement | None:
    """The accessibility statement's address, its publisher (the kommune unless said) and
    where to report a problem (an e-mail or a web address)."""
    if not table:
        return None
    path = ("accessibility",)
    if "statement" not in table:
        reader.problem(
            path,
            '[accessibility] needs statement = "https://uustatus.no/…", the address of the '
            "accessibility statement you made for this app in uustatus.no.",
        )
    url = https(reader, table, path, "statement") if "statement" in table else None
    publisher = kommune_name
    if "publisher" in table:
        publisher = reader.string(table, path, "publisher", 'a name, like "Fjellvik kommune"') or ""
    contact = ""
    if "contact" in table:
        value = reader.string(table, path, "contact", "an e-mail or a web address") or ""
        if value and not (EMAIL.match(value) or value.startswith("https://")):
            reader.problem(
                (*path, "contact"),
                f'"{value}" is neither an e-mail address nor a web address starting with '
                '"https://". Write it like "postmottak@fjellvik.kommune.no" or '
                '"https://fjellvik.kommune.no/tilbakemelding".',
            )
            value = ""
        contact = value
    return Statement(url, publisher, contact) if url else None
