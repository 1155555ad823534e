"""The printable result (``#/s/ID/utskrift``): one A4 document to keep or bring to a meeting.

Date, quiz, score and score per topic, what was missed with its explanation and sources, a line
for the name, and "my follow-ups": what the councillor wrote in the reflections, with the points
of the model answer they did not tick. style.css lays it out for paper (``@media print``).
"""

from __future__ import annotations

from ..base.markup import Markup, html, join, paragraphs
from ..base.model import Quiz
from ..kinds import RIGHT, kind_of
from ..run.play import Play
from ..run.routing import RESULTS, Route, href
from ..run.scoring import Item, result
from .chart import _topic_name
from .context import Screen, ViewContext
from .feedback import grade_label
from .layout import sources_list


def print_screen(ctx: ViewContext, quiz: Quiz, play: Play) -> Screen:
    t = ctx.t
    outcome = result(quiz, play.state, [topic.id for topic in ctx.content.topics])
    scored = [i for i in outcome.items if i.question.scored]
    written = [i for i in outcome.items if kind_of(i.question).self_assessed]
    missed = [i for i in scored if i.grade.state != RIGHT and i not in written]
    reflections = written
    topics = join(
        html(
            '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>',
            _topic_name(ctx, s.topic),
            s.questions,
            t("results.percent", percent=round(s.percent)),
        )
        for s in outcome.topics
    )
    right = sum(1 for i in scored if i.grade.state == RIGHT)
    body = html(
        '<article class="printout">{brand}'
        '<h1 tabindex="-1">{title}</h1>'
        '<p class="print-meta">{date}</p>'
        '<p class="print-name"><span>{name}</span><span class="name-line"></span></p>'
        '<p class="actions no-print"><button class="button primary" type="button" '
        'data-action="print">{print_l}</button> <a class="button secondary" href="{back}">'
        "{back_l}</a></p>"
        '<section class="print-score"><h2>{score_h}</h2><p><strong>{percent}</strong> · {line}</p>'
        "<p>{passed}</p></section>"
        '<section><h2>{topics_h}</h2><table class="print-topics"><thead><tr><th scope="col">'
        '{topic_c}</th><th scope="col">{count_c}</th><th scope="col">{score_c}</th></tr></thead>'
        "<tbody>{topics}</tbody></table></section>"
        "<section><h2>{missed_h}</h2>{missed}</section>"
        "<section><h2>{follow_h}</h2>{follow}</section></article>",
        brand=_brand(ctx),
        title=t("print.title", quiz=ctx.text(quiz.title)),
        date=t("print.date", date=ctx.date(ctx.today)) if ctx.today else "",
        name=t("print.name"),
        print_l=t("print.print"),
        back=href(Route(RESULTS, quiz.id)),
        back_l=t("print.back"),
        score_h=t("print.score"),
        percent=t("results.percent", percent=round(outcome.percent)),
        line=t("results.right_of", right=right, total=len(scored)),
        passed=t("results.passed" if outcome.passed else "results.not_passed", mark=quiz.pass_mark),
        topics_h=t("results.topics"),
        topic_c=t("print.topic"),
        count_c=t("print.questions"),
        score_c=t("print.result"),
        topics=topics,
        missed_h=t("print.missed"),
        missed=_missed(ctx, missed) if missed else html("<p>{}</p>", t("print.none_missed")),
        follow_h=t("print.followups"),
        follow=_follow_ups(ctx, reflections),
    )
    return Screen(t("print.title", quiz=ctx.text(quiz.title)), body)


def _brand(ctx: ViewContext) -> Markup:
    """The app's name; a kommune's edition prints its name and coat of arms above it."""
    edition = ctx.edition
    if edition.neutral:
        return html('<p class="eyebrow">{}</p>', ctx.t("app.name"))
    arms = (
        html(
            '<img class="print-arms" src="./{}" alt="" width="48" height="48">',
            edition.coat_of_arms,
        )
        if edition.coat_of_arms
        else ""
    )
    return html(
        '<p class="print-brand">{}<span><strong>{}</strong>'
        '<span class="eyebrow">{}</span></span></p>',
        arms,
        edition.name,
        ctx.t("app.name"),
    )


def _answer_text(ctx: ViewContext, item: Item) -> str:
    if item.attempt is None:
        return ctx.t("grade.unanswered")
    chosen = (item.question.option(c) for c in item.attempt.response.choices)
    return " · ".join(
        ctx.text(o.text) if o.text.nb else ctx.t(f"light.{o.id}") for o in chosen if o is not None
    )


def _missed(ctx: ViewContext, items: list[Item]) -> Markup:
    t = ctx.t
    rows = join(
        html(
            '<li class="print-item"><h3>{prompt}</h3><p><strong>{grade}.</strong> {yours} {answer}'
            '</p><p><strong>{best_l}</strong> {best}</p><div class="explanation">{why}</div>'
            "{sources}</li>",
            prompt=ctx.text(i.question.prompt),
            grade=grade_label(ctx, i.question, i.attempt),
            yours=t("feedback.your_answer"),
            answer=_answer_text(ctx, i),
            best_l=t("feedback.best"),
            best=" · ".join(
                ctx.text(o.text) if o.text.nb else t(f"light.{o.id}")
                for o in i.question.options
                if o.correct
            ),
            why=paragraphs(ctx.text(i.question.explanation)),
            sources=sources_list(ctx, i.question.sources),
        )
        for i in items
    )
    return html('<ol class="print-list">{}</ol>', rows)


def _follow_ups(ctx: ViewContext, items: list[Item]) -> Markup:
    t = ctx.t
    rows = []
    for item in items:
        response = item.attempt.response if item.attempt else None
        text = response.text.strip() if response else ""
        ticked = set(response.ticked) if response else set()
        left = [ctx.text(p.text) for p in item.question.key_points if p.id not in ticked]
        rows.append(
            html(
                '<li class="print-item"><h3>{prompt}</h3>{text}{left}</li>',
                prompt=ctx.text(item.question.prompt),
                text=html('<div class="my-text">{}</div>', paragraphs(text))
                if text
                else html("<p>{}</p>", t("print.no_text")),
                left=html(
                    '<p class="print-label"><strong>{}</strong></p><ul>{}</ul>',
                    t("print.points_left"),
                    join(html("<li>{}</li>", p) for p in left),
                )
                if left
                else "",
            )
        )
    lines = Markup('<div class="write-lines" aria-hidden="true">' + "<span></span>" * 4 + "</div>")
    intro = html("<p>{}</p>", t("print.followups_lead"))
    listed = html('<ol class="print-list">{}</ol>', join(rows)) if rows else ""
    return html("{}{}{}", intro, listed, lines)
