"""Advice while writing: the content tests' own measures of guessing, on the question and the
quiz being written, in the writer's words."""

from __future__ import annotations

from typing import Any

from quiz_engine.base.model import Option, Question, Quiz, Text
from quiz_engine.editor.advice import question_advice, quiz_advice


def text(nb: str) -> Text:
    return Text(nb, nb)


def light(name: str, credit: float, feedback: str = "") -> Option:
    return Option(name, text(""), credit == 1.0, credit, text(feedback) if feedback else None)


def traffic(
    prompt: str, red: float, yellow: float, green: float, explanation: str = "Rødt."
) -> Question:
    lights = (light("red", red, "r"), light("yellow", yellow, "g"), light("green", green, "g"))
    return Question("q", "traffic_light", text(prompt), text(explanation), (), (), lights)


def single(*options: tuple[str, bool]) -> Question:
    made = tuple(
        Option(f"o{n}", text(words), right, 1.0 if right else 0.0, None if right else text("Nei."))
        for n, (words, right) in enumerate(options)
    )
    return Question("q", "single", text("Hva gjør du?"), text("Slik."), (), (), made)


def test_a_right_answer_that_is_the_longest_or_the_only_careful_one_is_named(
    catalogues: Any,
) -> None:
    t = catalogues["nb"]
    found = question_advice(
        t,
        single(
            ("Du kan vurdere å melde fra til sekretariatet", True),
            ("Aldri", False),
            ("Alltid", False),
        ),
    )
    assert t("editor.advice.longest") in found
    assert any("unngår svar med «alltid»" in f for f in found)
    assert (
        question_advice(t, single(("Ja, alltid", False), ("Nei", True), ("Kanskje", False))) == []
    )


def test_a_light_that_breaks_the_partial_credit_rule_is_named(catalogues: Any) -> None:
    t = catalogues["nb"]
    found = question_advice(
        t, traffic("Du blir invitert åpent. Rødt, gult eller grønt?", 1.0, 0.5, 0.25)
    )
    assert "Grønt lys er det motsatte av det beste lyset og skal gi 0 poeng." in found
    assert any(f.startswith("Grønt lys gir et poeng som ikke er 0 eller 0,5") for f in found)
    assert any("Gult lys gir halvt poeng" in f for f in found)  # not named in the explanation
    assert any("«åpent»" in f for f in found)
    assert question_advice(t, traffic("Middag med bonden.", 1.0, 0.0, 0.0)) == []


def test_a_quiz_past_a_bound_of_the_content_gets_advice_with_its_figure(catalogues: Any) -> None:
    t = catalogues["nb"]
    always_red = Quiz(
        "x",
        "bank",
        1,
        text("X"),
        text("X"),
        text("X"),
        (),
        (),
        "2026-01-01",
        50,
        tuple(traffic(f"Sak {n}.", 1.0, 0.0, 0.0) for n in range(4)),
    )
    found = quiz_advice(t, always_red)
    assert (
        "Den som alltid svarer Rødt lys, får 100 % av poengene på trafikklysene (testene tillater 45 %)."
        in found
    )
    mixed = Quiz(
        "y",
        "bank",
        1,
        text("Y"),
        text("Y"),
        text("Y"),
        (),
        (),
        "2026-01-01",
        50,
        (traffic("A.", 1.0, 0.0, 0.0), traffic("B.", 0.0, 0.0, 1.0), traffic("C.", 0.0, 1.0, 0.0)),
    )
    assert quiz_advice(t, mixed) == []
