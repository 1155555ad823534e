"""No simple rule of words, and no habit of one light, passes the real content.

Issue 22 ("Traffic lights a guess cannot carry"): a councillor who guesses by a fixed rule must
not do well. Each strategy below is deterministic: where it cannot choose between options it
takes the average credit over the tie (a guesser picking at random among them). The figures are
printed (``pytest -s``) so a content editor sees how close the content is to each bound.

The word lists are fixed here: absolute words, hedge words, and the cue words a traffic-light
prompt can give its verdict away with (from the issue's examples and everyday Norwegian). They
were written before the content was reworded against them and must not be tuned to pass: a
prompt is reworded, not the list. Only the bokmål text is read, as in
``test_content_balance.py``; the nynorsk text says the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pytest

from quiz_engine import Content, Option, Question, load_content

ROOT = Path(__file__).resolve().parents[2]
LIGHTS = ("red", "yellow", "green")

# Bounds the content review set (issue 22).
ALWAYS_ONE_LIGHT_MAX = 45.0
LIGHT_STRATEGY_MAX = 45.0
WORD_STRATEGY_MAX = 35.0

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


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content([ROOT / "scenarios"])


def questions(content: Content, *kinds: str) -> list[Question]:
    found = [q for quiz in content.quizzes for q in quiz.questions if q.kind in kinds]
    assert found, f"no {kinds} questions in the content"
    return found


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def count(text: str, phrases: Iterable[str]) -> int:
    """How many times the phrases occur in the text, as whole words."""
    joined = " " + " ".join(words(text)) + " "
    return sum(joined.count(" " + " ".join(words(phrase)) + " ") for phrase in phrases)


def score(option: Option) -> float:
    return 1.0 if option.correct else option.credit


def mean_over(options: Sequence[Option]) -> float:
    """The average credit of a pick at random among the options (a tie)."""
    assert options, "a strategy chose among no options"
    return sum(score(o) for o in options) / len(options)


def percent(values: list[float]) -> float:
    assert values, "no questions to average over"
    return 100.0 * sum(values) / len(values)


def light(question: Question, name: str) -> Option:
    found = question.option(name)
    assert found is not None, f"{question.id} has no {name} light"
    return found


def best_light(question: Question) -> str:
    return next(o.id for o in question.options if o.correct)


# Strategies for single-choice questions: each returns the options it would pick among.
def avoid_absolutes(question: Question) -> list[Option]:
    careful = [o for o in question.options if count(o.text.nb, ABSOLUTE) == 0]
    return careful or list(question.options)


def most_hedged(question: Question) -> list[Option]:
    top = max(count(o.text.nb, HEDGES) for o in question.options)
    return [o for o in question.options if count(o.text.nb, HEDGES) == top]


def fewest_absolutes_then_most_hedged(question: Question) -> list[Option]:
    def key(o: Option) -> tuple[int, int]:
        return (count(o.text.nb, ABSOLUTE), -count(o.text.nb, HEDGES))

    top = min(key(o) for o in question.options)
    return [o for o in question.options if key(o) == top]


def echoes_the_prompt(question: Question) -> list[Option]:
    """The option sharing most words of four letters or more with the prompt."""
    asked = {w for w in words(question.prompt.nb) if len(w) >= 4}

    def shared(o: Option) -> int:
        return len(asked & {w for w in words(o.text.nb) if len(w) >= 4})

    top = max(shared(o) for o in question.options)
    return [o for o in question.options if shared(o) == top]


SINGLE_STRATEGIES: dict[str, Callable[[Question], list[Option]]] = {
    "avoid absolute words": avoid_absolutes,
    "most hedged": most_hedged,
    "fewest absolutes, then most hedged": fewest_absolutes_then_most_hedged,
    "most words shared with the prompt": echoes_the_prompt,
}


# Strategies for traffic lights: each returns the light it would choose.
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
    "reassuring cue: green, else red": cue_green_else_red,
    "reassuring cue: green, else yellow": cue_green_else_yellow,
    "reassuring cue green, alarming cue red, else yellow": cues_both_ways,
}


def test_the_helpers_count_whole_words_and_phrases() -> None:
    assert count("Du må si fra. Alle må det.", ABSOLUTE) == 3
    assert count("Måten du gjør det på", ABSOLUTE) == 0
    assert count("Det kommer an på, og som regel går det", HEDGES) == 2
    assert count("Hun sier fra åpent", GREEN_CUES) == 2


@pytest.mark.parametrize("name", LIGHTS)
def test_always_one_light_earns_little(content: Content, name: str) -> None:
    found = questions(content, "traffic_light")
    earned = percent([light(q, name).credit for q in found])
    best = sum(best_light(q) == name for q in found)
    print(
        f"traffic lights: always {name} earns {earned:.1f} % ({name} best in {best} of {len(found)})"
    )
    assert earned <= ALWAYS_ONE_LIGHT_MAX


@pytest.mark.parametrize("name", list(LIGHT_STRATEGIES))
def test_cue_words_in_the_prompt_do_not_give_the_light_away(content: Content, name: str) -> None:
    found = questions(content, "traffic_light")
    strategy = LIGHT_STRATEGIES[name]
    earned = percent([light(q, strategy(q)).credit for q in found])
    print(f"traffic lights: {name}: {earned:.1f} % over {len(found)}")
    assert earned <= LIGHT_STRATEGY_MAX


@pytest.mark.parametrize("name", list(SINGLE_STRATEGIES))
def test_no_rule_of_words_passes_the_single_choice_questions(content: Content, name: str) -> None:
    found = questions(content, "single", "branching")
    strategy = SINGLE_STRATEGIES[name]
    earned = percent([mean_over(strategy(q)) for q in found])
    chance = percent([mean_over(q.options) for q in found])
    print(f"single/branching: {name}: {earned:.1f} % (a pick at random: {chance:.1f} %)")
    assert earned <= WORD_STRATEGY_MAX


def test_the_opposite_of_the_best_light_earns_nothing(content: Content) -> None:
    opposite = {"red": "green", "green": "red"}
    found = [q for q in questions(content, "traffic_light") if best_light(q) in opposite]
    assert found, "no traffic light has red or green as its best light"
    wrong = [q.id for q in found if light(q, opposite[best_light(q)]).credit > 0]
    assert not wrong, f"the light opposite the best one earns credit in {wrong}"


def test_partial_credit_for_a_light_is_a_half_for_a_neighbour_or_nothing(content: Content) -> None:
    found = questions(content, "traffic_light")
    odd = [
        f"{q.id}:{o.id}={o.credit}"
        for q in found
        for o in q.options
        if not o.correct and o.credit not in (0.0, 0.5)
    ]
    assert not odd, f"a light that is not the best earns neither 0 nor 0.5: {odd}"


# The colour words an explanation uses to name a light, in each language.
NAMES = {
    "nb": {"red": ("rødt", "rød"), "yellow": ("gult", "gul"), "green": ("grønt", "grønn")},
    "nn": {"red": ("raudt", "raud"), "yellow": ("gult", "gul"), "green": ("grønt", "grøn")},
}


def test_every_half_credit_light_says_why(content: Content) -> None:
    found = questions(content, "traffic_light")
    halves = [(q, o) for q in found for o in q.options if not o.correct and o.credit == 0.5]
    print(f"traffic lights: {len(halves)} lights earn half credit")
    assert halves, "no light earns half credit: this check would pass without checking anything"
    silent = [
        f"{q.id}:{o.id}:{lang}"
        for q, o in halves
        for lang in ("nb", "nn")
        if not (o.feedback and o.feedback.get(lang).strip())
        or not count(q.explanation.get(lang), NAMES[lang][o.id])
    ]
    assert not silent, (
        f"a half-credit light without its own feedback or not named in the explanation: {silent}"
    )
