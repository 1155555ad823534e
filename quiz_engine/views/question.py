"""One question at a time: "Spørsmål 2 av 5", the form, and after answering the feedback."""

from __future__ import annotations

from ..base.markup import Markup, attrs, html, join, paragraphs
from ..base.model import Question, Quiz
from ..base.widgets import fieldset
from ..kinds import Attempt, kind_of
from ..run.play import Play, can_answer, can_finish, feedback_visible
from ..run.routing import QUESTION, RESULTS, Route, href
from .chart import meter
from .context import Screen, ViewContext
from .feedback import feedback_panel, grade_label
from .prompt import prompt_block


def question_screen(ctx: ViewContext, quiz: Quiz, play: Play, position: int) -> Screen:
    t = ctx.t
    state = play.state
    question = quiz.question(state.path[position - 1])
    assert question is not None
    total = len(state.path)
    attempt = state.answers.get(question.id) or (
        state.latest.get(question.id) if state.finished else None
    )
    show = feedback_visible(play, question.id)
    editable = can_answer(play, question.id)
    count = t("question.count", n=position, total=total)
    # Once the feedback shows, the answer can no longer change: the feedback, with the answer
    # marked in place, takes the form's place, right under the question.
    answered = (
        feedback_panel(ctx, quiz, question, attempt, play.session.seed)
        if show
        else html(
            "{}{}", _form(ctx, quiz, play, question, attempt, editable), _saved_note(ctx, attempt)
        )
    )
    body = html(
        '<article class="question-screen">'
        '<p class="eyebrow"><a href="{intro}">{quiz}</a> · <span>{count}</span>{retry}</p>{meter}'
        "{story}{prompt}{answered}{nav}</article>",
        intro=href(Route("intro", quiz.id)),
        quiz=ctx.text(quiz.title),
        count=count,
        retry=html(" · {}", t("question.retry_round")) if state.is_retry else "",
        meter=_steps(position, total),
        story=_story_again(ctx, quiz),
        prompt=prompt_block(ctx.text(question.prompt), question.id),
        answered=answered,
        nav=_nav(ctx, quiz, play, position, play.behaviour.may_go_on(state, question.id)),
    )
    announce = grade_label(ctx, question, attempt) if show and attempt else ""
    return Screen(f"{count}: {ctx.text(quiz.title)}", body, announce)


def _story_again(ctx: ViewContext, quiz: Quiz) -> Markup:
    """A case's story, folded, on every one of its questions ("Les saken igjen")."""
    if quiz.kind != "scenario":
        return Markup("")
    return html(
        '<details class="story-again"><summary>{}</summary><div class="story">{}</div></details>',
        ctx.t("question.story_again"),
        paragraphs(ctx.text(quiz.intro)),
    )


def _steps(position: int, total: int) -> Markup:
    return meter(round(100 * position / total) if total else 0)


def _saved_note(ctx: ViewContext, attempt: object) -> Markup:
    if attempt is None:
        return Markup("")
    return html('<p class="saved-note" role="status">{}</p>', ctx.t("question.saved"))


def _form(
    ctx: ViewContext,
    quiz: Quiz,
    play: Play,
    question: Question,
    attempt: Attempt | None,
    editable: bool,
) -> Markup:
    t = ctx.t
    kind = kind_of(question)
    inner = kind.form(
        ctx,
        quiz,
        question,
        attempt,
        editable=editable,
        seed=play.session.seed,
        draft=play.session.draft(question.id),
        revealed=question.id in ctx.revealed,
    )
    if question.confidence:
        level = attempt.confidence if attempt else None
        inner = html(
            "{}{}",
            inner,
            fieldset(
                t("question.confidence"),
                "confidence",
                join(
                    html(
                        '<label class="choice compact"><input type="radio" name="confidence"{}>'
                        "<span>{}</span></label>",
                        attrs(value=n, checked=level == n, disabled=not editable, required=True),
                        t(f"confidence.{n}"),
                    )
                    for n in (1, 2, 3)
                ),
            ),
        )
    reveal_needed = kind.reveal_first and question.id not in ctx.revealed
    if not editable or (reveal_needed and attempt is None):
        submit = Markup("")
    else:
        label = play.behaviour.submit_label
        submit = html(
            '<p class="actions"><button class="button primary" type="submit">{}</button></p>',
            t(label),
        )
    return html(
        '<form class="answer-form" novalidate{}>{}'
        '<p class="form-error" role="alert" hidden></p>{}</form>',
        attrs(data_action="answer", data_question=question.id),
        inner,
        submit,
    )


def _nav(ctx: ViewContext, quiz: Quiz, play: Play, position: int, forward: bool) -> Markup:
    t = ctx.t
    state = play.state
    links = []
    if position > 1:
        back = href(Route(QUESTION, quiz.id, position - 1))
        links.append(html('<a class="button secondary" href="{}">{}</a>', back, t("question.back")))
    if forward and position < len(state.path):
        nxt = href(Route(QUESTION, quiz.id, position + 1))
        links.append(html('<a class="button primary" href="{}">{}</a>', nxt, t("question.next")))
    elif forward and state.finished:
        links.append(
            html(
                '<a class="button primary" href="{}">{}</a>',
                href(Route(RESULTS, quiz.id)),
                t("question.to_results"),
            )
        )
    elif forward and can_finish(play):
        links.append(
            html(
                '<button class="button primary" type="button" data-action="finish">{}</button>',
                t("question.finish"),
            )
        )
    return html(
        '<nav class="question-nav" aria-label="{}">{}</nav>', t("question.nav"), join(links, " ")
    )
