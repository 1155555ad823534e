"""What a kommune's edition changes in the built site: the manifest, the page's head, the
colours and the shared names. The neutral edition changes nothing (a test checks)."""

from __future__ import annotations

import json
import re

from ..base.edition import Edition
from ..base.markup import escape
from ..base.strings import Catalogue

APP_COLOUR = "#1d3b53"  # --brand in style.css and theme-color in index.html


def manifest(text: str, edition: Edition, t: Catalogue) -> str:
    """The installed app's name, language and colour (``t`` in the kommune's language)."""
    if edition.neutral:
        return text
    data = json.loads(text)
    data["name"] = f"{t('app.name')} · {edition.name}"
    data["short_name"] = edition.short_name or t("app.short_name")
    data["description"] = t("app.description")
    data["lang"] = edition.default_lang
    if edition.primary:
        data["theme_color"] = edition.primary
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def page(html: str, edition: Edition, t: Catalogue) -> str:
    """index.html: the language, the home-screen title and the theme colour."""
    if edition.neutral:
        return html
    html = re.sub(r'<html lang="[a-z]+">', f'<html lang="{edition.default_lang}">', html, count=1)
    short = escape(edition.short_name or t("app.short_name"))
    html = html.replace(
        '<meta name="apple-mobile-web-app-title" content="Folkevalgt">',
        f'<meta name="apple-mobile-web-app-title" content="{short}">',
    )
    if edition.primary:
        html = html.replace(
            f'<meta name="theme-color" content="{APP_COLOUR}">',
            f'<meta name="theme-color" content="{edition.primary}">',
        )
    return html


def style(css: str, edition: Edition) -> str:
    """The kommune's colour as the app's ``--brand`` and ``--link`` custom properties (its
    header, buttons and links, on screen and on paper), after the app's own."""
    if not edition.primary:
        return css
    return css + (
        f"\n/* kommune.toml [theme] */\n:root {{ --brand: {edition.primary}; "
        f"--link: {edition.primary}; }}\n"
    )


def shared_names(names: dict[str, object], edition: Edition) -> dict[str, object]:
    """names.mjs: the default language is the kommune's."""
    return {**names, "DEFAULT_LANG": edition.default_lang}
