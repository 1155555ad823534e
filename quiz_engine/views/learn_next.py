"""What to learn next, on the results: the weak themes, each linked to the bank that teaches it.

A theme is weak when its score is under the quiz's pass mark. The bank that teaches a theme is
the topic bank (shown in this edition) with the largest share of its questions on that theme,
then the most such questions, then the first on the home screen: for "Roller og ansvar" that
is the bank «Roller og ansvar», not «Kommunen», which has roles in 12 of its 20 questions.
A theme taught only by the quiz just finished gets no link (its retry is right above).
"""

from __future__ import annotations

from ..base.markup import Markup, html, join
from ..base.model import Content, Quiz
from ..run.duration import minutes
from ..run.routing import INTRO, Route, href
from ..run.scoring import Result
from .chart import _topic_name
from .context import ViewContext


def teaching_bank(content: Content, topic: str) -> Quiz | None:
    """The topic bank that teaches ``topic`` best, or ``None`` when no bank covers it."""
    best: tuple[float, int, int] | None = None
    found = None
    for order, quiz in enumerate(content.quizzes):
        scored = [q for q in quiz.questions if q.scored]
        if quiz.kind != "bank" or not scored:
            continue
        on_topic = sum(1 for q in scored if topic in q.topics)
        if not on_topic:
            continue
        rank = (on_topic / len(scored), on_topic, -order)
        if best is None or rank > best:
            best, found = rank, quiz
    return found


def learn_next(ctx: ViewContext, quiz: Quiz, outcome: Result) -> Markup:
    """The weak themes with a link each to its bank; nothing when no theme is weak."""
    t = ctx.t
    rows = []
    for score in outcome.topics:
        if round(score.percent) >= quiz.pass_mark:
            continue
        bank = teaching_bank(ctx.content, score.topic)
        if bank is None or bank.id == quiz.id:
            continue
        rows.append(
            html(
                '<li><span class="learn-topic">{topic}: {percent}</span> '
                '<a class="learn-link" href="{link}">{action}</a> '
                '<span class="muted">({facts})</span></li>',
                topic=_topic_name(ctx, score.topic),
                percent=t("results.percent", percent=round(score.percent)),
                link=href(Route(INTRO, bank.id)),
                action=t("results.learn_link", bank=ctx.text(bank.title)),
                facts=t(
                    "results.learn_facts",
                    n=len(bank.questions),
                    minutes=minutes(bank, ctx.lang),
                ),
            )
        )
    if not rows:
        return Markup("")
    return html(
        '<section class="learn-next panel" aria-labelledby="learn-heading">'
        '<h2 id="learn-heading">{}</h2><p>{}</p><ul class="learn-list">{}</ul></section>',
        t("results.learn_title"),
        t("results.learn_lead", mark=quiz.pass_mark),
        join(rows),
    )
