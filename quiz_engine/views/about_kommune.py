"""The about screen's part for a kommune's edition: whom to ask and the kommune's own rules."""

from __future__ import annotations

from ..base.edition import Contact
from ..base.markup import Markup, html, join
from .context import ViewContext


def kommune_section(ctx: ViewContext) -> Markup:
    """Empty in the neutral edition."""
    edition = ctx.edition
    if edition.neutral or not (edition.contacts or edition.links):
        return Markup("")
    t = ctx.t
    contacts = join(
        html("<dt>{}</dt><dd>{}</dd>", t(f"kommune.contact.{role}"), _contact(ctx, contact))
        for role, contact in edition.contacts.items()
    )
    links = join(
        html(
            '<li><a href="{}" rel="noopener noreferrer" target="_blank">{}</a></li>',
            url,
            t(f"kommune.link.{name}"),
        )
        for name, url in edition.links.items()
    )
    return html(
        '<section class="kommune" aria-labelledby="kommune-heading">'
        '<h2 id="kommune-heading">{title}</h2><p>{lead}</p>{contacts}{links}</section>',
        title=edition.name,
        lead=t("kommune.about_lead"),
        contacts=html('<dl class="contacts">{}</dl>', contacts) if contacts else "",
        links=html('<ul class="kommune-links">{}</ul>', links) if links else "",
    )


def _contact(ctx: ViewContext, contact: Contact) -> Markup:
    parts: list[Markup] = []
    if contact.name:
        parts.append(html("<strong>{}</strong>", contact.name))
    if contact.phone:
        number = "".join(c for c in contact.phone if c.isdigit() or c == "+")
        parts.append(
            html('<a href="tel:{}">{}</a>', number, ctx.t("kommune.phone", phone=contact.phone))
        )
    if contact.email:
        parts.append(html('<a href="mailto:{}">{}</a>', contact.email, contact.email))
    if contact.url:
        parts.append(
            html(
                '<a href="{}" rel="noopener noreferrer" target="_blank">{}</a>',
                contact.url,
                ctx.t("kommune.contact_page"),
            )
        )
    return join(parts, Markup("<br>"))
