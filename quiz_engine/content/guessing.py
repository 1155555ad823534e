"""How far a councillor who guesses gets: the measures the content tests bound, in one place.

The content tests (``tests/unit/test_content_balance.py``, ``test_content_guessing.py``) hold
the shipped content to these bounds over all quizzes; the editor shows the same measures over the
quiz being written, as advice while writing. A measure groups questions by how a guesser could
try them (``Kind.guessing``), never by a kind's name.

Each strategy is deterministic: where it cannot choose between options it takes the average
credit over the tie (a guesser picking at random among them). Only the bokmål text is read; the
nynorsk text says the same. The word lists were written before the content was reworded against
them and must not be tuned to pass: a prompt is reworded, not a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..base.model import LIGHTS, Option, Question
from ..kinds import kind_of
from ..kinds.base import LIGHTS as BY_LIGHT
from ..kinds.base import ONE_BEST, PICKS

# The bounds the content review set (issues 21 and 22), in percent.
RIGHT_LONGEST_MAX = 30.0  # the right one-best option strictly the longest
LONGEST_PICK_EXCESS_MAX = 10.0  # the longest option right, above the share of right options
RIGHT_FIRST_MAX = 40.0  # the right one-best option first in the file
ALWAYS_ONE_LIGHT_MAX = 45.0  # always red (or yellow, or green)
LIGHT_STRATEGY_MAX = 45.0  # a light chosen by cue words in the prompt
WORD_STRATEGY_MAX = 35.0  # a one-best option chosen by a rule of words

# Words that make an option sound absolute, and words that make it sound careful.
ABSOLUTE = ("alltid", "aldri", "bare", "kun", "må", "ingen", "ingenting", "alle", "alt", "uansett")
HEDGES = (
    "kan",
    "kanskje",
    "ofte",
    "vanligvis",
    "normalt",
    "som regel",
    "bør",
    "avhenger",
    "kommer an på",
    "trolig",
    "gjerne",
    "vurdere",
    "vurderes",
    "vurdering",
    "i utgangspunktet",
    "hovedregel",
)
# Words in a traffic-light prompt that sound reassuring (a guesser says green) or alarming (red).
GREEN_CUES = (
    "åpen",
    "åpent",
    "åpne",
    "sier fra",
    "sa fra",
    "sagt fra",
    "uten å",
    "som alle",
    "slik alle",
    "alle får",
    "vanlig",
    "ingen sak",
    "ingen saker",
    "lover ingenting",
    "viser til",
)
RED_CUES = (
    "i hemmelighet",
    "hemmelig",
    "uten å si",
    "ikke spurt",
    "navngitt",
    "dyr",
    "kostbar",
    "gavekort",
    "sparken",
    "bare til",
)
# The colour words an explanation uses to name a light, in each language.
LIGHT_NAMES = {
    "nb": {"red": ("rødt", "rød"), "yellow": ("gult", "gul"), "green": ("grønt", "grønn")},
    "nn": {"red": ("raudt", "raud"), "yellow": ("gult", "gul"), "green": ("grønt", "grøn")},
}
OPPOSITE = {"red": "green", "green": "red"}


def guessed(questions: Iterable[Question], how: str) -> list[Question]:
    """The questions a guesser tries the way ``how`` (``ONE_BEST``, ``PICKS``, ``LIGHTS``)."""
    return [q for q in questions if kind_of(q).guessing == how]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def count(text: str, phrases: Iterable[str]) -> int:
    """How many times the phrases occur in the text, as whole words."""
    joined = " " + " ".join(words(text)) + " "
    return sum(joined.count(" " + " ".join(words(phrase)) + " ") for phrase in phrases)


def score(option: Option) -> float:
    return 1.0 if option.correct else option.credit


def mean_over(options: Sequence[Option]) -> float:
    """The average credit of a pick at random among the options (a tie); 0 for none."""
    return sum(score(o) for o in options) / len(options) if options else 0.0


def percent(values: Sequence[float]) -> float:
    return 100.0 * sum(values) / len(values) if values else 0.0


def light(question: Question, name: str) -> Option | None:
    return question.option(name)


def light_credit(question: Question, name: str) -> float:
    found = question.option(name)
    return found.credit if found is not None else 0.0


def best_light(question: Question) -> str:
    return next((o.id for o in question.options if o.correct), "")


# -- measures of one question ----------------------------------------------------------------


def right_is_strictly_longest(question: Question) -> bool:
    right = next((o for o in question.options if o.correct), None)
    others = [len(o.text.nb) for o in question.options if o is not right]
    return right is not None and bool(others) and len(right.text.nb) > max(others)


def right_is_first(question: Question) -> bool:
    return bool(question.options) and question.options[0].correct


def opposite_light_earns(question: Question) -> bool:
    best = best_light(question)
    return best in OPPOSITE and light_credit(question, OPPOSITE[best]) > 0


def odd_light_credits(question: Question) -> list[str]:
    """The lights that are not the best and earn neither 0 nor 0.5."""
    return [o.id for o in question.options if not o.correct and o.credit not in (0.0, 0.5)]


def silent_half_lights(question: Question) -> list[tuple[str, str]]:
    """``(light, language)`` for each half-credit light without its own feedback in that
    language or not named in the explanation there."""
    out = []
    for option in question.options:
        if option.correct or option.credit != 0.5:
            continue
        for lang in LIGHT_NAMES:
            said = option.feedback is not None and option.feedback.get(lang).strip()
            if not said or not count(question.explanation.get(lang), LIGHT_NAMES[lang][option.id]):
                out.append((option.id, lang))
    return out


# -- strategies --------------------------------------------------------------------------------


def avoid_absolutes(question: Question) -> list[Option]:
    careful = [o for o in question.options if count(o.text.nb, ABSOLUTE) == 0]
    return careful or list(question.options)


def most_hedged(question: Question) -> list[Option]:
    top = max((count(o.text.nb, HEDGES) for o in question.options), default=0)
    return [o for o in question.options if count(o.text.nb, HEDGES) == top]


def fewest_absolutes_then_most_hedged(question: Question) -> list[Option]:
    def key(o: Option) -> tuple[int, int]:
        return (count(o.text.nb, ABSOLUTE), -count(o.text.nb, HEDGES))

    top = min((key(o) for o in question.options), default=(0, 0))
    return [o for o in question.options if key(o) == top]


def echoes_the_prompt(question: Question) -> list[Option]:
    """The option sharing most words of four letters or more with the prompt."""
    asked = {w for w in words(question.prompt.nb) if len(w) >= 4}

    def shared(o: Option) -> int:
        return len(asked & {w for w in words(o.text.nb) if len(w) >= 4})

    top = max((shared(o) for o in question.options), default=0)
    return [o for o in question.options if shared(o) == top]


# The keys name each strategy in the tests' printout and the editor's catalogue.
WORD_STRATEGIES: dict[str, Callable[[Question], list[Option]]] = {
    "avoid_absolutes": avoid_absolutes,
    "most_hedged": most_hedged,
    "fewest_absolutes_then_hedged": fewest_absolutes_then_most_hedged,
    "echoes_prompt": echoes_the_prompt,
}


def cue_green_else_red(question: Question) -> str:
    return "green" if count(question.prompt.nb, GREEN_CUES) else "red"


def cue_green_else_yellow(question: Question) -> str:
    return "green" if count(question.prompt.nb, GREEN_CUES) else "yellow"


def cues_both_ways(question: Question) -> str:
    reassuring = count(question.prompt.nb, GREEN_CUES)
    alarming = count(question.prompt.nb, RED_CUES)
    if reassuring > alarming:
        return "green"
    if alarming > reassuring:
        return "red"
    return "yellow"


LIGHT_STRATEGIES: dict[str, Callable[[Question], str]] = {
    "green_else_red": cue_green_else_red,
    "green_else_yellow": cue_green_else_yellow,
    "cues_both_ways": cues_both_ways,
}


# -- measures over many questions --------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """One figure over a set of questions, with the bound the content must keep: ``key`` names
    it (``"always_light.red"``, ``"word_strategy.most_hedged"``), ``over`` counts the questions."""

    key: str
    value: float
    bound: float
    over: int

    @property
    def within(self) -> bool:
        return self.value <= self.bound + 1e-9


def measures(questions: Sequence[Question]) -> list[Measure]:
    """Every bounded measure over ``questions`` that has questions to measure."""
    out: list[Measure] = []
    one_best = guessed(questions, ONE_BEST)
    if one_best:
        n = len(one_best)
        longest = percent([float(right_is_strictly_longest(q)) for q in one_best])
        first = percent([float(right_is_first(q)) for q in one_best])
        out.append(Measure("right_longest", longest, RIGHT_LONGEST_MAX, n))
        out.append(Measure("right_first", first, RIGHT_FIRST_MAX, n))
        for name, strategy in WORD_STRATEGIES.items():
            earned = percent([mean_over(strategy(q)) for q in one_best])
            out.append(Measure(f"word_strategy.{name}", earned, WORD_STRATEGY_MAX, n))
    picks = guessed(questions, PICKS)
    if picks:
        excess = longest_pick_excess(picks)
        out.append(Measure("longest_pick", excess, LONGEST_PICK_EXCESS_MAX, len(picks)))
    lights = guessed(questions, BY_LIGHT)
    if lights:
        n = len(lights)
        for name in LIGHTS:
            earned = percent([light_credit(q, name) for q in lights])
            out.append(Measure(f"always_light.{name}", earned, ALWAYS_ONE_LIGHT_MAX, n))
        for name, choose in LIGHT_STRATEGIES.items():
            earned = percent([light_credit(q, choose(q)) for q in lights])
            out.append(Measure(f"light_strategy.{name}", earned, LIGHT_STRATEGY_MAX, n))
    return out


def longest_pick_excess(questions: Sequence[Question]) -> float:
    """How much more often the longest option is right than a right option is, in points."""
    longest_is_right = []
    right_share = []
    for q in questions:
        if not q.options:
            continue
        longest = max(q.options, key=lambda o: len(o.text.nb))
        longest_is_right.append(float(longest.correct))
        right_share.append(sum(o.correct for o in q.options) / len(q.options))
    return percent(longest_is_right) - percent(right_share)
