"""Advice while writing: how far a councillor who guesses would get, measured with the content
tests' own measures (``content/guessing.py``) on the question and the quiz being written.

Advice, not problems: the bounds hold for the whole content together, so one quiz may go past
one of them; the writer sees it and decides.
"""

from __future__ import annotations

from ..base.markup import Markup, html, join
from ..base.model import Question, Quiz
from ..base.strings import Catalogue
from ..content import guessing as g
from ..kinds import kind_of
from ..kinds.base import LIGHTS, ONE_BEST


def question_advice(t: Catalogue, question: Question) -> list[str]:
    """What a guesser could use in this one question."""
    how = kind_of(question).guessing
    out: list[str] = []
    if how == ONE_BEST:
        if g.right_is_strictly_longest(question):
            out.append(t("editor.advice.longest"))
        for name, strategy in g.WORD_STRATEGIES.items():
            picked = strategy(question)
            if len(picked) == 1 and picked[0].correct:
                out.append(t("editor.advice.word_rule", rule=t(f"editor.advice.rule.{name}")))
    if how == LIGHTS:
        best = g.best_light(question)
        if g.opposite_light_earns(question):
            out.append(t("editor.advice.opposite", light=t(f"light.{g.OPPOSITE[best]}")))
        for light in g.odd_light_credits(question):
            out.append(t("editor.advice.odd_credit", light=t(f"light.{light}")))
        for light, lang in g.silent_half_lights(question):
            out.append(
                t(
                    "editor.advice.silent_half",
                    light=t(f"light.{light}"),
                    lang=t(f"editor.lang.{lang}"),
                )
            )
        cues = [w for w in (*g.GREEN_CUES, *g.RED_CUES) if g.count(question.prompt.nb, [w])]
        if cues:
            out.append(t("editor.advice.cues", words=", ".join(f"«{w}»" for w in cues)))
    return out


def quiz_advice(t: Catalogue, quiz: Quiz) -> list[str]:
    """Each measure over the quiz's questions that goes past the content's bound."""
    out = []
    for measure in g.measures(quiz.questions):
        if measure.within:
            continue
        group, _, name = measure.key.partition(".")
        values = {"value": f"{measure.value:.0f}", "bound": f"{measure.bound:.0f}"}
        if group == "word_strategy":
            values["rule"] = t(f"editor.advice.rule.{name}")
        if group == "always_light":
            values["light"] = t(f"light.{name}")
        if group == "light_strategy":
            values["rule"] = t(f"editor.advice.light_rule.{name}")
        out.append(t(f"editor.advice.quiz.{group}", **values))
    return out


def advice_panel(
    t: Catalogue, question: Question | None, quiz: Quiz | None, waiting: bool
) -> Markup:
    """The advice for the question shown (if any) and for the whole quiz; ``waiting`` when the
    draft has problems, which the measures need fixed first."""
    sections = []
    if question is not None:
        found = question_advice(t, question)
        sections.append(_list(t("editor.advice.question"), found, t("editor.advice.question_none")))
    if quiz is not None:
        found = quiz_advice(t, quiz)
        sections.append(_list(t("editor.advice.quiz"), found, t("editor.advice.quiz_none")))
    elif waiting:
        sections.append(html('<p class="muted">{}</p>', t("editor.advice.waiting")))
    return html(
        '<h2 id="advice-heading">{}</h2><p class="hint">{}</p>{}',
        t("editor.advice.heading"),
        t("editor.advice.about"),
        join(sections),
    )


def _list(heading: str, items: list[str], none: str) -> Markup:
    if not items:
        return html('<h3>{}</h3><p class="muted">{}</p>', heading, none)
    return html(
        '<h3>{}</h3><ul class="advice">{}</ul>',
        heading,
        join(html("<li>{}</li>", i) for i in items),
    )
