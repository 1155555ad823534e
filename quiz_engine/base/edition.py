"""A kommune's edition: the settings the app shows (name, language, contacts, links, look).

The neutral edition (``NEUTRAL``) has no name and speaks of "your municipality". The build
reads and checks a ``kommune.toml`` (``quiz_engine/content/kommune/``) into an ``Edition`` and
writes it as ``edition.json`` into the app; the views read it from the ``ViewContext``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .names import DEFAULT_LANG

EDITION_VERSION = 1
# The settings content may name in placeholders (content/placeholders.py) and the views show.
CONTACT_ROLES = ("hets", "habilitet", "varsling", "personvern")
CONTACT_FIELDS = ("name", "phone", "email", "url")
LINK_NAMES = ("ethics", "social_media", "reglement")


@dataclass(frozen=True)
class Contact:
    """Whom to ask; every field optional, at least one given."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    url: str | None = None

    def fields(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}

    def summary(self) -> str:
        """``Politisk sekretariat (12 34 56 78, post@fjellvik.no)``: no words to translate."""
        rest = [v for v in (self.phone, self.email, self.url) if v]
        if self.name:
            return f"{self.name} ({', '.join(rest)})" if rest else self.name
        return ", ".join(rest)


@dataclass(frozen=True)
class Statement:
    """The edition's accessibility statement (made in uustatus.no), who publishes it, and where
    to report what does not work: an e-mail address or an https:// address, or ""."""

    url: str
    publisher: str
    contact: str = ""


@dataclass(frozen=True)
class Edition:
    name: str = ""  # "" is the neutral edition
    short_name: str = ""
    default_lang: str = DEFAULT_LANG
    primary: str = ""  # "#rrggbb", "" keeps the app's own colour
    coat_of_arms: str = ""  # the file name in the built site, "" for none
    gift_limit: int | None = None
    contacts: dict[str, Contact] = field(default_factory=dict)  # by role, in CONTACT_ROLES order
    links: dict[str, str] = field(default_factory=dict)  # by name, in LINK_NAMES order
    accessibility: Statement | None = None  # None: the neutral words (views/statements.py)

    @property
    def neutral(self) -> bool:
        return not self.name

    def values(self) -> dict[str, str]:
        """What placeholders in the content resolve to; a setting not given has no entry."""
        if self.neutral:
            return {}
        out = {"kommune": self.name}
        if self.gift_limit is not None:
            out["gifts.limit_nok"] = f"{self.gift_limit:,}".replace(",", "\u00a0")
        for role in CONTACT_ROLES:
            contact = self.contacts.get(role)
            if contact is not None:
                out[f"contacts.{role}"] = contact.summary()
                out.update({f"contacts.{role}.{k}": v for k, v in contact.fields().items()})
        out.update({f"links.{k}": v for k, v in self.links.items() if k in LINK_NAMES})
        return out


NEUTRAL = Edition()


def edition_to_json(edition: Edition) -> str:
    data = {"version": EDITION_VERSION, **asdict(edition)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def edition_from_json(text: str) -> Edition:
    """Trusts its input: the build checked it."""
    data = json.loads(text)
    if data.pop("version", None) != EDITION_VERSION:
        raise ValueError("edition version is not supported")
    contacts = {
        role: Contact(**{k: data["contacts"][role].get(k) for k in CONTACT_FIELDS})
        for role in CONTACT_ROLES
        if role in data["contacts"]
    }
    statement = data.get("accessibility")
    accessibility = Statement(**statement) if statement else None
    return Edition(**{**data, "contacts": contacts, "accessibility": accessibility})
