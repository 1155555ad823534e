"""One question at a time: "Spørsmål 2 av 5", the form, and after answering the feedback."""

from __future__ import annotations

from ..markup import Markup, attrs, html, join, paragraphs
from ..model import LIGHTS, Question, Quiz
from ..order import option_order
from ..routing import QUESTION, RESULTS, Route, href
from ..session import (
    DEFERRED,
    MAX_TEXT,
    Session,
    State,
    can_answer,
    can_finish,
    feedback_visible,
    replay,
)
from .chart import meter
from .context import Screen, ViewContext
from .feedback import feedback_panel, grade_label


def question_screen(ctx: ViewContext, quiz: Quiz, session: Session, position: int) -> Screen:
    t = ctx.t
    state = replay(quiz, session)
    question = quiz.question(state.path[position - 1])
    assert question is not None
    total = len(state.path)
    attempt = state.answers.get(question.id) or (
        state.latest.get(question.id) if state.finished else None
    )
    show = feedback_visible(session, state, question.id)
    editable = can_answer(session, state, question.id)
    count = t("question.count", n=position, total=total)
    body = html(
        '<article class="question-screen">'
        '<p class="eyebrow"><a href="{intro}">{quiz}</a> · <span>{count}</span>{retry}</p>{meter}'
        '<h1 tabindex="-1" class="prompt">{prompt}</h1>'
        "{form}{feedback}{nav}</article>",
        intro=href(Route("intro", quiz.id)),
        quiz=ctx.text(quiz.title),
        count=count,
        retry=html(" · {}", t("question.retry_round")) if state.is_retry else "",
        meter=_steps(position, total),
        prompt=ctx.text(question.prompt),
        form=_form(ctx, quiz, session, question, attempt, editable),
        feedback=feedback_panel(ctx, question, attempt) if show else _saved_note(ctx, attempt),
        nav=_nav(ctx, quiz, session, state, position, show or session.behaviour == DEFERRED),
    )
    announce = grade_label(ctx, question, attempt) if show and attempt else ""
    return Screen(f"{count}: {ctx.text(quiz.title)}", body, announce)


def _steps(position: int, total: int) -> Markup:
    return meter(round(100 * position / total) if total else 0)


def _saved_note(ctx: ViewContext, attempt: object) -> Markup:
    if attempt is None:
        return Markup("")
    return html('<p class="saved-note" role="status">{}</p>', ctx.t("question.saved"))


def _form(
    ctx: ViewContext,
    quiz: Quiz,
    session: Session,
    question: Question,
    attempt: object,
    editable: bool,
) -> Markup:
    t = ctx.t
    chosen = set(getattr(getattr(attempt, "response", None), "choices", ()))
    if question.kind == "reflection":
        inner = _reflection(ctx, session, question, attempt, editable)
    elif question.kind == "traffic_light":
        inner = _fieldset(
            t("question.legend_light"),
            "lights",
            join(
                _choice(ctx, question, light, "radio", light in chosen, editable, light=True)
                for light in LIGHTS
            ),
        )
    else:
        kind = "checkbox" if question.kind == "multiple" else "radio"
        legend = t("question.legend_multiple" if kind == "checkbox" else "question.legend_single")
        inner = _fieldset(
            legend,
            "options",
            join(
                _choice(ctx, question, o.id, kind, o.id in chosen, editable)
                for o in option_order(quiz, question, session.seed)
            ),
        )
    if question.confidence:
        level = getattr(attempt, "confidence", None)
        inner = html(
            "{}{}",
            inner,
            _fieldset(
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
    reveal_needed = question.kind == "reflection" and question.id not in ctx.revealed
    if not editable or (reveal_needed and attempt is None):
        submit = Markup("")
    else:
        label = "question.save" if session.behaviour == DEFERRED else "question.submit"
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


def _fieldset(legend: str, kind: str, inner: Markup) -> Markup:
    return html('<fieldset class="{}"><legend>{}</legend>{}</fieldset>', kind, legend, inner)


def _choice(
    ctx: ViewContext,
    question: Question,
    option_id: str,
    kind: str,
    checked: bool,
    editable: bool,
    light: bool = False,
) -> Markup:
    option = question.option(option_id)
    label = ctx.t(f"light.{option_id}") if light else ctx.text(option.text) if option else ""
    hint = (
        html('<span class="light-hint">{}</span>', ctx.t(f"light.{option_id}_hint"))
        if light
        else ""
    )
    return html(
        '<label class="choice{cls}"><input type="{kind}" name="choice"{attrs}>'
        '<span class="choice-text">{lamp}<span>{label} {hint}</span></span></label>',
        cls=f" light light-{option_id}" if light else "",
        kind=kind,
        attrs=attrs(value=option_id, checked=checked, disabled=not editable),
        lamp=html('<span class="lamp" aria-hidden="true"></span>') if light else "",
        label=label,
        hint=hint,
    )


def _reflection(
    ctx: ViewContext, session: Session, question: Question, attempt: object, editable: bool
) -> Markup:
    t = ctx.t
    response = getattr(attempt, "response", None)
    text = response.text if response else session.draft(question.id)
    area = html(
        '<label class="field-label" for="text-{id}">{label}</label>'
        '<p class="hint" id="hint-{id}">{hint}</p>'
        '<textarea id="text-{id}" name="text" rows="6"{attrs}>{text}</textarea>',
        id=question.id,
        label=t("question.your_text"),
        hint=t("question.text_hint", max=MAX_TEXT),
        attrs=attrs(
            maxlength=MAX_TEXT,
            data_draft=question.id,
            readonly=not editable,
            aria_describedby=f"hint-{question.id}",
        ),
        text=text,
    )
    if question.id not in ctx.revealed and attempt is None:
        return html(
            '{}<p class="actions"><button class="button primary" type="button"{}>{}</button></p>',
            area,
            attrs(data_action="reveal", data_question=question.id),
            t("question.reveal"),
        )
    ticked = set(response.ticked) if response else set()
    points = join(
        html(
            '<label class="choice"><input type="checkbox" name="ticked"{}>'
            '<span class="choice-text"><span>{}</span></span></label>',
            attrs(value=p.id, checked=p.id in ticked, disabled=not editable),
            ctx.text(p.text),
        )
        for p in question.key_points
    )
    model = (
        Markup("")
        if attempt
        else html(
            '<div class="model-answer"><h2 tabindex="-1">{}</h2>{}</div>',
            t("feedback.model_answer"),
            paragraphs(ctx.text(question.explanation)),
        )
    )
    return html("{}{}{}", area, model, _fieldset(t("question.legend_points"), "points", points))


def _nav(
    ctx: ViewContext, quiz: Quiz, session: Session, state: State, position: int, forward: bool
) -> Markup:
    t = ctx.t
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
    elif forward and can_finish(session, state):
        links.append(
            html(
                '<button class="button primary" type="button" data-action="finish">{}</button>',
                t("question.finish"),
            )
        )
    return html(
        '<nav class="question-nav" aria-label="{}">{}</nav>', t("question.nav"), join(links, " ")
    )
