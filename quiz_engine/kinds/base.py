"""What every kind of question has: how it is read, checked, graded, drawn and exported.

A kind is one module in this package with one ``Kind`` object in it, the way Moodle gives each
question type its folder. The rest of the engine asks the kind (``kind_of(question)``) instead
of testing ``question.kind``, so a new kind touches one module and the registry's list.

The defaults here are a question answered by choosing options; a kind overrides what differs.
A kind imports nothing above its own layer, not even for types: it draws with the ``Words``
it is given and reads with a ``Reader`` (``protocols``), and knows a played question only as an
``Attempt`` (``answers``). What is above (the session, the views, the content reader, the
exports) asks the kind.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..base.markup import Markup, html
from ..base.model import KeyPoint, Option, Question, Quiz
from .answers import NO_CHOICE, RIGHT, Response
from .editing import BLANK_TEXT, Editing

if TYPE_CHECKING:
    from ..base.errors import KeyPath, Table
    from .answers import Attempt
    from .protocols import Reader, Words


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# How a guesser may try a kind, which the content's guessing measures group questions by
# (``content/guessing.py``): one best answer among written options, several right options to
# pick, or a light.
ONE_BEST, PICKS, LIGHTS = "one_best", "picks", "lights"

MARK_ICONS = {
    "chosen_right": "✓",
    "chosen_partly": "◐",
    "chosen_wrong": "✗",
    "missed": "○",
    "best": "○",
}


@dataclass(frozen=True)
class Card:
    """One card a seminar's room can hold up for a question: ``name`` is what the room calls it
    ("A", "Rødt lys"), ``text`` the option's words (none for a light), ``hint`` a light's short
    meaning, ``lamp`` the light's colour ("" for a lettered card)."""

    id: str
    name: str
    text: str = ""
    hint: str = ""
    lamp: str = ""


@dataclass(frozen=True)
class Export:
    """What a kind becomes in Moodle; the format modules (``export/``) read it.

    ``as_type`` is Moodle's question type ("multichoice" or "essay"); ``weights`` how options are
    graded there ("credit": each option's own, one best answer; "picks": +1/right for a right
    pick, -1/right for a wrong one, several answers); ``numbered`` whether Moodle numbers the
    options (a, b, c); ``shuffled`` whether Moodle may shuffle them when the quiz shuffles;
    ``lost`` a catalogue key saying what the export cannot keep, or "".
    """

    as_type: str = "multichoice"
    weights: str = "credit"
    numbered: bool = True
    shuffled: bool = True
    lost: str = ""


class Kind:
    """A kind of question. Subclasses set ``name`` and override what differs."""

    name: ClassVar[str] = ""
    section: ClassVar[str] = "options"  # the file's key holding its items
    scored_by_default: ClassVar[bool] = True
    one_answer: ClassVar[bool] = True  # exactly one option is chosen
    branches: ClassVar[bool] = False  # each option leads to its own next question
    reveal_first: ClassVar[bool] = False  # the model answer is shown before answering
    self_assessed: ClassVar[bool] = False  # own words, checked against a model answer
    export: ClassVar[Export] = Export()
    guessing: ClassVar[str] = ""  # ONE_BEST, PICKS, LIGHTS or "" (nothing to guess)
    editing: ClassVar[Editing]  # the editor's form for the question's items (editing.py)

    def blank(self, question_id: str) -> Table:
        """A new question of this kind as the editor starts it: every text empty to fill in."""
        return {
            "id": question_id,
            "kind": self.name,
            "sources": [],
            "prompt": dict(BLANK_TEXT),
            "explanation": dict(BLANK_TEXT),
            self.editing.section: self.editing.blank_items(),
        }

    # Reading and checking the file.

    def parse_items(
        self, reader: Reader, data: Table, path: KeyPath
    ) -> tuple[tuple[Option, ...], tuple[KeyPoint, ...]]:
        """The question's options and key points, read from ``data`` at ``path``."""
        raise NotImplementedError

    def check(self, reader: Reader, data: Table, path: KeyPath, question: Question) -> None:
        """Record a problem for everything in ``question`` that does not fit this kind."""

    # Grading.

    def response_problem(self, question: Question, response: Response) -> str | None:
        """Why ``response`` cannot be an answer to ``question``, or ``None`` when it can."""
        ids = {o.id for o in question.options}
        if not response.choices:
            return NO_CHOICE
        if any(c not in ids for c in response.choices):
            return f"unknown option in {list(response.choices)}"
        if len(set(response.choices)) != len(response.choices):
            return "an option is chosen twice"
        if self.one_answer and len(response.choices) != 1:
            return "exactly one option must be chosen"
        return None

    def fraction(self, question: Question, response: Response) -> float:
        """The credit for a valid response: the chosen option's."""
        option = question.option(response.choices[0]) if response.choices else None
        return option.credit if option is not None else 0.0

    # Drawing (the views call these with their ``ViewContext`` as the words).

    def ordered(self, quiz: Quiz, question: Question, seed: int) -> tuple[Option, ...]:
        """File order, or shuffled when the quiz says so, with the session's seed."""
        if not quiz.shuffle:
            return question.options
        options = list(question.options)
        # A fresh generator per question: the order depends only on the seed and the question,
        # never on what was drawn before (or on a snapshot's frozen global random state).
        random.Random(f"{seed}:{question.id}").shuffle(options)
        return tuple(options)

    def label(self, words: Words, option: Option) -> str:
        """What an option is called on screen."""
        return words.text(option.text)

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
        """The inputs of the answer form (the view adds confidence and the submit button)."""
        raise NotImplementedError

    def card(self, words: Words, question: Question, card: str) -> Card:
        """The seminar's card for the option ``card``: its letter, A for the first in the file."""
        ids = [o.id for o in question.options]
        option = question.option(card)
        letter = LETTERS[ids.index(card)] if card in ids and ids.index(card) < len(LETTERS) else ""
        return Card(card, letter, words.text(option.text) if option else "")

    def state(self, graded: str) -> str:
        """The word for how an answer went (``graded``: right, partly, wrong, unanswered), for
        classes and icons."""
        return graded

    def grade_label(self, words: Words, question: Question, attempt: Attempt) -> str:
        return words.t(f"grade.{attempt.grade.state}")

    # The marks of an answer shown: each option says in words how it went (never colour alone).
    # What a right option nobody chose is called: the best answer, or for "select all" one of
    # the right ones ("Riktig, men ikke valgt").
    missed_mark: ClassVar[str] = "best"

    def mark(self, option: Option, chosen: bool) -> str:
        """How ``option`` went: "chosen_right", "chosen_partly", "chosen_wrong", the kind's
        ``missed_mark`` for a right option not chosen, or "" for neither (a catalogue key
        under ``mark.``)."""
        if chosen:
            if option.correct:
                return "chosen_right"
            return "chosen_partly" if option.credit > 0 else "chosen_wrong"
        return self.missed_mark if option.correct else ""

    def option_words(self, words: Words, option: Option) -> Markup:
        """An option's words in the marked answer (a light adds its lamp and meaning)."""
        return html("<span>{}</span>", self.label(words, option))

    def chosen_feedback(
        self, words: Words, quiz: Quiz, question: Question, attempt: Attempt | None, seed: int
    ) -> Markup:
        """The answer marked in place: every option where it stood on the form, each with its
        mark in words, and under a chosen option its feedback."""
        chosen = set(attempt.response.choices) if attempt else set()
        items = []
        for option in self.ordered(quiz, question, seed):
            mark = self.mark(option, option.id in chosen)
            note = words.text(option.feedback) if option.feedback and option.id in chosen else ""
            items.append(
                html(
                    '<li class="marked-option{cls}">{mark}{text}{note}</li>',
                    cls=f" mark-{mark}" if mark else "",
                    mark=html(
                        '<span class="mark"><span class="mark-icon" aria-hidden="true">{}</span> '
                        '{}<span class="visually-hidden">:</span></span> ',
                        MARK_ICONS[mark],
                        words.t(f"mark.{mark}"),
                    )
                    if mark
                    else "",
                    text=self.option_words(words, option),
                    note=html('<span class="marked-note">{}</span>', note) if note else "",
                )
            )
        return html(
            '<h3 id="marked-{id}">{heading}</h3>{line}'
            '<ul class="marked" aria-labelledby="marked-{id}">{items}</ul>',
            id=question.id,
            heading=words.t("feedback.options"),
            line=self.mark_line(words, question, attempt) if attempt else "",
            items=Markup("".join(items)),
        )

    def mark_line(self, words: Words, question: Question, attempt: Attempt) -> Markup:
        """A line that explains the grade, where the marks alone would not (none here)."""
        return Markup("")

    def best_answer(self, words: Words, question: Question, attempt: Attempt | None) -> Markup:
        """The best answer as a list, shown after an answer that was not it."""
        if attempt is not None and attempt.grade.state == RIGHT:
            return Markup("")
        best = [self.label(words, o) for o in question.options if o.correct]
        # The list is named by its heading, so a screen reader hears "Beste svar, liste, 2 punkt".
        return html(
            '<h3 id="best-{id}">{heading}</h3>'
            '<ul class="best-answer" aria-labelledby="best-{id}">{items}</ul>',
            id=question.id,
            heading=words.t("feedback.best_heading"),
            items=Markup("".join(html("<li>{}</li>", b) for b in best)),
        )

    def consequence(self, words: Words, question: Question, attempt: Attempt) -> Markup:
        """What happens next in the story because of the answer (branching only)."""
        return Markup("")

    def explanation_heading(self, words: Words) -> str:
        return words.t("feedback.why")

    def answer_summary(self, words: Words, question: Question, attempt: Attempt) -> str:
        """The answer in one line, for the review on the results screen."""
        chosen = (question.option(c) for c in attempt.response.choices)
        return " · ".join(self.label(words, o) for o in chosen if o is not None)
