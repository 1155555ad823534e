"""Small SVG graphics: progress meters and the per-topic bar chart (with a text equivalent).

Widths are SVG attributes, not inline styles, so a strict Content-Security-Policy holds.
"""

from __future__ import annotations

from ..base.markup import Markup, html, join
from ..run.scoring import TopicScore
from .context import ViewContext


def meter(percent: int) -> Markup:
    return html(
        '<svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false"><rect class="meter-track" width="100" height="6" rx="3"/>'
        '<rect class="meter-fill" width="{}" height="6" rx="3"/></svg>',
        max(0, min(100, percent)),
    )


def topic_chart(ctx: ViewContext, scores: tuple[TopicScore, ...]) -> Markup:
    """A bar per topic, with its name and number as text beside it; the SVG is decoration."""
    t = ctx.t
    if not scores:
        return Markup("")
    rows = join(
        html(
            '<li class="chart-row"><span class="chart-label">{name}</span>'
            '<span class="chart-bar">{bar}</span>'
            '<span class="chart-value">{value} <span class="muted">({count})</span></span></li>',
            name=_topic_name(ctx, score.topic),
            bar=meter(round(score.percent)),
            value=t("results.percent", percent=round(score.percent)),
            count=t("results.questions_count", count=score.questions),
        )
        for score in scores
    )
    return html(
        '<figure class="topic-chart"><figcaption>{}</figcaption><ul class="chart">{}</ul></figure>',
        t("results.chart_caption"),
        rows,
    )


def _topic_name(ctx: ViewContext, topic_id: str) -> str:
    topic = ctx.content.topic(topic_id)
    return ctx.text(topic.title) if topic else topic_id
