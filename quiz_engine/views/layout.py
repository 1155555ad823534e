"""The frame around every screen: skip link, header with language switch, footer."""

from __future__ import annotations

from ..base.markup import Markup, attrs, html, join
from ..base.names import LANGUAGES
from .context import ViewContext
from .statements import footer_link


def frame(ctx: ViewContext, body: Markup) -> Markup:
    t = ctx.t
    switch = join(
        html(
            '<button type="button" class="lang-button"{}>{}</button>',
            attrs(
                data_action="lang",
                data_lang=lang,
                lang=lang,
                aria_pressed="true" if lang == ctx.lang else "false",
            ),
            t(f"lang.{lang}"),
        )
        for lang in LANGUAGES
    )
    return html(
        '<a class="skip-link" href="#main">{skip}</a>'
        '<header class="site-header"><div class="wrap header-row">'
        '<a class="brand" href="#/">{brand}</a>'
        '<nav class="site-nav" aria-label="{nav}">'
        '<a href="#/">{home}</a> <a href="#/om">{about}</a> <a href="#/seminar">{seminar}</a>'
        "</nav>"
        '<div class="lang-switch" role="group" aria-label="{choose}">{switch}</div>'
        "</div></header>"
        '<main id="main" class="wrap" tabindex="-1">{body}</main>'
        '<footer class="site-footer"><div class="wrap"><p>{privacy}</p><p>{statement}</p>'
        "</div></footer>",
        skip=t("layout.skip"),
        brand=_brand(ctx),
        nav=t("layout.nav"),
        home=t("nav.home"),
        about=t("nav.about"),
        seminar=t("nav.seminar"),
        choose=t("lang.choose"),
        switch=switch,
        body=body,
        privacy=t("layout.privacy_lms" if ctx.lms else "layout.privacy"),
        statement=footer_link(ctx),
    )


def _brand(ctx: ViewContext) -> Markup:
    """The app's mark and name; in a kommune's edition its coat of arms and name too."""
    edition = ctx.edition
    if edition.neutral:
        return html(
            '<span class="brand-mark" aria-hidden="true"></span><span>{}</span>', ctx.t("app.name")
        )
    mark = (
        html(
            '<img class="brand-arms" src="./{}" alt="" width="40" height="40">',
            edition.coat_of_arms,
        )
        if edition.coat_of_arms
        else html('<span class="brand-mark" aria-hidden="true"></span>')
    )
    return html(
        '{}<span class="brand-text"><span class="brand-kommune">{}</span> <span>{}</span></span>',
        mark,
        edition.name,
        ctx.t("app.name"),
    )


def not_found(ctx: ViewContext) -> Markup:
    t = ctx.t
    return html(
        '<section class="panel narrow"><h1 tabindex="-1">{title}</h1><p>{text}</p>'
        '<p><a class="button primary" href="#/">{home}</a></p></section>',
        title=t("notfound.title"),
        text=t("notfound.text"),
        home=t("notfound.home"),
    )


def sources_list(ctx: ViewContext, source_ids: tuple[str, ...]) -> Markup:
    items = []
    for source_id in source_ids:
        source = ctx.content.source(source_id)
        if source is None:
            continue
        title = ctx.text(source.title)
        name = (
            html('<a href="{}" rel="noopener noreferrer" target="_blank">{}</a>', source.url, title)
            if source.url
            else html("{}", title)
        )
        items.append(
            html(
                '<li>{} <span class="muted">({})</span></li>',
                name,
                ctx.t("sources.valid", date=ctx.date(source.valid_as_of)),
            )
        )
    return html('<ul class="sources">{}</ul>', join(items))
