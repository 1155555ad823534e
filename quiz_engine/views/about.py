"""About: where the content comes from, privacy, licence."""

from __future__ import annotations

from ..base.markup import html, join
from .about_kommune import kommune_section
from .context import Screen, ViewContext
from .layout import sources_list
from .statements import about_statements


def about_screen(ctx: ViewContext) -> Screen:
    t = ctx.t
    content = ctx.content
    checked = join(
        html("<li>{}: {}</li>", ctx.text(q.title), ctx.date(q.valid_as_of)) for q in content.quizzes
    )
    body = html(
        '<article class="about panel narrow"><h1 tabindex="-1">{title}</h1><p>{lead}</p>{kommune}'
        "<h2>{privacy_h}</h2><p>{privacy}</p><p>{storage}</p>"
        "<h2>{sources_h}</h2><p>{sources_lead}</p>{sources}"
        "<h2>{checked_h}</h2><ul>{checked}</ul>"
        "<h2>{licence_h}</h2><p>{licence}</p>{statements}</article>",
        title=t("about.title"),
        lead=t("about.lead"),
        kommune=kommune_section(ctx),
        privacy_h=t("about.privacy_title"),
        privacy=t("about.privacy_lms" if ctx.lms else "about.privacy"),
        storage=t("about.storage_lms" if ctx.lms else "about.storage"),
        sources_h=t("about.sources_title"),
        sources_lead=t("about.sources_lead"),
        sources=sources_list(ctx, tuple(s.id for s in content.sources)),
        checked_h=t("about.checked_title"),
        checked=checked,
        licence_h=t("about.licence_title"),
        licence=t("about.licence"),
        statements=about_statements(ctx),
    )
    return Screen(t("about.title"), body)
