"""Rødt, gult eller grønt lys: the KS seminar's cards, three fixed lights each with a credit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base.markup import Markup, html, join
from ..base.model import LIGHTS, KeyPoint, Option, Question, Quiz
from ..base.widgets import choice, fieldset
from .base import LIGHTS as GUESSED_BY_LIGHT
from .base import Card, Export, Kind
from .editing import Editing, Field
from .parts import PLACEHOLDER

if TYPE_CHECKING:
    from ..base.errors import KeyPath, Table
    from .answers import Attempt
    from .protocols import Reader, Words

LIGHT_KEYS = ("credit", "feedback")


class TrafficLight(Kind):
    name = "traffic_light"
    section = "lights"
    export = Export(numbered=False, shuffled=False)
    guessing = GUESSED_BY_LIGHT
    # The three lights are always there: the writer sets each one's credit and feedback.
    editing = Editing(
        "lights",
        "editor.item.light",
        (
            Field("credit", "light_credit", "editor.field.light_credit", required=True),
            Field("feedback", "text", "editor.field.feedback"),
        ),
        named=LIGHTS,
    )

    def parse_items(
        self, reader: Reader, data: Table, path: KeyPath
    ) -> tuple[tuple[Option, ...], tuple[KeyPoint, ...]]:
        table = data.get("lights")
        if not isinstance(table, dict):
            reader.problem(
                (*path, "lights"),
                "a traffic-light question needs [questions.lights.red], "
                "[questions.lights.yellow] and [questions.lights.green] sections.",
            )
            return (), ()
        reader.known_keys(table, (*path, "lights"), LIGHTS)
        lights = []
        for light in LIGHTS:
            where = (*path, "lights", light)
            if not isinstance(table.get(light), dict):
                reader.problem(
                    where, f"the {light} light is missing. Add [questions.lights.{light}]."
                )
                continue
            reader.known_keys(table[light], where, LIGHT_KEYS)
            credit = reader.fraction(table[light], where, "credit")
            lights.append(
                Option(
                    id=light,
                    text=PLACEHOLDER,
                    correct=credit == 1.0,
                    credit=credit or 0.0,
                    feedback=reader.text(table[light], where, "feedback", required=False),
                )
            )
        return tuple(lights), ()

    def check(self, reader: Reader, data: Table, path: KeyPath, question: Question) -> None:
        best = [o for o in question.options if o.correct]
        if len(question.options) >= 2 and len(best) != 1:
            message = "exactly one light must have credit = 1.0 (the best answer)."
            reader.problem((*path, "lights"), message + f" Now {len(best)} have it.")
        for light in question.options:
            if light.credit < 1.0 and light.feedback is None:
                reader.problem(
                    (*path, "lights", light.id),
                    f"the {light.id} light has no feedback. Add feedback.nb and feedback.nn "
                    "saying why this light is not the best answer.",
                )

    def ordered(self, quiz: Quiz, question: Question, seed: int) -> tuple[Option, ...]:
        return question.options  # red, yellow, green: never shuffled

    def card(self, words: Words, question: Question, card: str) -> Card:
        """A light's card goes by its colour; the room knows what red, yellow and green mean."""
        return Card(card, words.t(f"light.{card}"), hint=words.t(f"light.{card}_hint"), lamp=card)

    def label(self, words: Words, option: Option) -> str:
        return words.t(f"light.{option.id}")

    def option_words(self, words: Words, option: Option) -> Markup:
        return html(
            '<span class="marked-light light-{id}"><span class="lamp" aria-hidden="true"></span>'
            '<span>{label} <span class="light-hint">{hint}</span></span></span>',
            id=option.id,
            label=self.label(words, option),
            hint=words.t(f"light.{option.id}_hint"),
        )

    def form(
        self,
        words: Words,
        quiz: Quiz,
        question: Question,
        attempt: Attempt | None,
        *,
        editable: bool,
        seed: int,
        draft: str = "",
        revealed: bool = False,
    ) -> Markup:
        chosen = set(attempt.response.choices) if attempt else set()
        lights = (
            choice(
                "choice",
                light,
                words.t(f"light.{light}"),
                "radio",
                light in chosen,
                editable,
                hint=words.t(f"light.{light}_hint"),
                light=True,
            )
            for light in LIGHTS
        )
        return fieldset(words.t("question.legend_light"), "lights", join(lights))


KIND = TrafficLight()
