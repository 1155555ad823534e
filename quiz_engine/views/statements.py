"""What a public body publishes beside the app: where its accessibility statement is (a link in
every screen's footer, a section of the about screen), whom to tell about a problem, and the
app's version.

A kommune's edition names its own statement (``[accessibility]`` in kommune.toml, made in
Digdir's uustatus.no: Norwegian public bodies must publish one for every web solution, an
intranet's included). The neutral edition has none of its own: it names the project and says
how to report a problem.
"""

from __future__ import annotations

from ..base.edition import Statement
from ..base.markup import Markup, html
from ..base.version import VERSION
from .context import ViewContext

_OUT = 'rel="noopener noreferrer" target="_blank"'


def footer_link(ctx: ViewContext) -> Markup:
    """The edition's statement, or the about screen's section on accessibility."""
    statement = ctx.edition.accessibility
    if statement is None:
        return html('<a href="#/om">{}</a>', ctx.t("layout.accessibility"))
    return html(
        '<a href="{}" ' + _OUT + ">{}</a>", statement.url, ctx.t("layout.accessibility_statement")
    )


def about_statements(ctx: ViewContext) -> Markup:
    """The about screen's section on accessibility, and the version."""
    t = ctx.t
    statement = ctx.edition.accessibility
    body = _edition(ctx, statement) if statement is not None else _neutral(ctx)
    return html(
        '<section aria-labelledby="accessibility-heading">'
        '<h2 id="accessibility-heading">{title}</h2>{body}</section>'
        '<p class="muted version">{version}</p>',
        title=t("about.accessibility_title"),
        body=body,
        version=t("about.version", version=VERSION),
    )


def _edition(ctx: ViewContext, statement: Statement) -> Markup:
    t = ctx.t
    contact = (
        html("<p>{} {}</p>", t("about.accessibility_contact"), _contact(statement.contact))
        if statement.contact
        else Markup("")
    )
    return html(
        '<p>{lead}</p><p><a href="{url}" ' + _OUT + ">{link}</a></p>{contact}",
        lead=t("about.accessibility_edition", publisher=statement.publisher),
        url=statement.url,
        link=t("about.accessibility_read"),
        contact=contact,
    )


def _neutral(ctx: ViewContext) -> Markup:
    t = ctx.t
    return html(
        "<p>{}</p><p>{}</p><p>{}</p>",
        t("about.accessibility_project"),
        t("about.accessibility_neutral"),
        t("about.accessibility_report"),
    )


def _contact(contact: str) -> Markup:
    if contact.startswith("https://"):
        return html('<a href="{}" ' + _OUT + ">{}</a>", contact, contact)
    return html('<a href="mailto:{}">{}</a>', contact, contact)
