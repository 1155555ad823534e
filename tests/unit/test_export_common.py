"""The export's grades are Moodle's, and its words are the app's."""

from __future__ import annotations

import pytest

from quiz_engine.base.model import Option, Question, Text
from quiz_engine.base.names import LANGUAGES
from quiz_engine.export import export
from quiz_engine.export.common import WORDS
from quiz_engine.export.grades import MOODLE_FRACTIONS, by_picks, nearest, percent
from web.build.catalogues import read_catalogues

T = Text("x", "x")


def multiple(right: int, wrong: int) -> Question:
    options = tuple(
        Option(f"o{n}", T, correct=n < right, credit=1.0 if n < right else 0.0)
        for n in range(right + wrong)
    )
    return Question("q", "multiple", T, T, (), (), options)


def test_the_export_words_exist_in_both_languages_and_match_the_app() -> None:
    assert set(WORDS) == set(LANGUAGES)
    assert WORDS["nb"].keys() == WORDS["nn"].keys()
    catalogues = read_catalogues()
    for lang, words in WORDS.items():
        shared = {k: v for k, v in words.items() if not k.startswith("export.")}
        assert shared == {k: catalogues[lang][k] for k in shared}, lang


@pytest.mark.parametrize("right", range(1, 11))
def test_right_options_add_up_to_100_percent_as_moodle_requires(right: int) -> None:
    weights = by_picks(multiple(right, 2))
    assert all(w in MOODLE_FRACTIONS for w in weights)
    # qtype_multichoice refuses a multiple-answer question whose positive grades do not
    # add up to 1 when rounded to two decimals.
    assert round(sum(w for w in weights if w > 0), 2) == 1.0
    assert weights[-1] == -weights[0]


def test_grades_snap_to_moodles_list_and_print_as_moodle_does() -> None:
    assert nearest(1 / 3) == 0.3333333
    assert nearest(0.35) == 0.3333333
    assert nearest(-1 / 7) == -0.1428571
    assert [percent(f) for f in (1.0, 0.5, 0.0, 0.3333333, -0.1666667, 0.125)] == [
        "100",
        "50",
        "0",
        "33.33333",
        "-16.66667",
        "12.5",
    ]


def test_an_unknown_format_or_language_is_refused(example: object) -> None:
    from quiz_engine import Content

    assert isinstance(example, Content)
    with pytest.raises(ValueError, match="unknown export format 'qti'"):
        export(example, "qti", "nb")
    with pytest.raises(ValueError, match="unknown language 'en'"):
        export(example, "gift", "en")
