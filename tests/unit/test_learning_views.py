"""What the councillor learns after a round: the review (verdict and best answer, explanation
folded), what to learn next (weak themes linked to the bank that teaches them), theme rows that
say something; and on the home screen where to begin and how long each quiz takes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz_engine import Catalogue, Response, ViewContext, answer, finish, load_content, start
from quiz_engine.kinds import RIGHT
from quiz_engine.run.duration import SECONDS_TO_ANSWER, minutes, seconds
from quiz_engine.run.play import Play
from quiz_engine.views.home import home_screen
from quiz_engine.views.learn_next import teaching_bank
from quiz_engine.views.results import results_screen

ROOT = Path(__file__).resolve().parents[2]
REAL = load_content([ROOT / "scenarios"])


def played(quiz_id: str, strategy: str) -> Play:
    """A finished round: every answer "best" or "wrong" (the last wrong option)."""
    quiz = REAL.quiz(quiz_id)
    assert quiz is not None
    play = start(quiz)
    while True:
        open_ids = [q for q in play.state.path if q not in play.state.answers]
        if not open_ids:
            return finish(quiz, play)
        question = quiz.question(open_ids[0])
        assert question is not None
        if question.key_points:
            response = Response(text="Tekst", ticked=())
        elif strategy == "best":
            response = Response(tuple(o.id for o in question.options if o.correct))
        else:
            response = Response(([o for o in question.options if not o.correct][-1].id,))
        play = answer(quiz, play, question.id, response, 3 if question.confidence else None)


def test_each_theme_is_taught_by_the_bank_most_about_it() -> None:
    taught = {t.id: getattr(teaching_bank(REAL, t.id), "id", None) for t in REAL.topics}
    assert taught == {
        "habilitet": "habilitet",
        "gaver": "gaver",
        "roller": "roller",  # not «Kommunen», which has roles in 12 of its 20
        "sosiale-medier": "sosiale-medier",
        "ytring": "ytring",
        "hets": "hets",
        "moter": "moter",
        "etikk": "etikk",
        "politisk-kultur": "politisk-kultur",
    }


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_weak_themes_link_to_the_bank_that_teaches_them(
    catalogues: dict[str, Catalogue], lang: str
) -> None:
    quiz = REAL.quiz("jubileumsmiddag")
    assert quiz is not None
    play = played(quiz.id, "wrong")
    page = results_screen(ViewContext(REAL, catalogues[lang], {quiz.id: play}), quiz, play).body
    section = page.split('<section class="learn-next panel"')[1].split("</section>")[0]
    links = re.findall(r'<a class="learn-link" href="([^"]+)">([^<]+)</a>', section)
    # In the themes' order: habilitet, gifts, roles, ethics (each under the pass mark).
    assert [href for href, _ in links] == ["#/s/habilitet", "#/s/gaver", "#/s/roller", "#/s/etikk"]
    roller = REAL.quiz("roller")
    assert roller is not None
    assert f"Øv på temaet «{roller.title.get(lang)}»" in [name for _, name in links]
    # A bank never sends the councillor to itself for its own theme (its retry is above).
    gaver = REAL.quiz("gaver")
    assert gaver is not None
    play = played(gaver.id, "wrong")
    page = results_screen(ViewContext(REAL, catalogues[lang], {gaver.id: play}), gaver, play).body
    assert "#/s/habilitet" in page and 'class="learn-link" href="#/s/gaver"' not in page


def test_no_weak_theme_no_section(catalogues: dict[str, Catalogue]) -> None:
    quiz = REAL.quiz("jubileumsmiddag")
    assert quiz is not None
    play = played(quiz.id, "best")
    page = results_screen(ViewContext(REAL, catalogues["nb"], {quiz.id: play}), quiz, play).body
    assert "learn-next" not in page


def test_theme_rows_that_cover_nearly_the_whole_quiz_are_dropped(
    catalogues: dict[str, Catalogue],
) -> None:
    quiz = REAL.quiz("jubileumsmiddag")  # gifts in 7 of 7 scored questions, roles in 2
    assert quiz is not None
    play = played(quiz.id, "wrong")
    page = results_screen(ViewContext(REAL, catalogues["nb"], {quiz.id: play}), quiz, play).body
    chart = re.findall(r'<span class="chart-label">([^<]+)</span>', page)
    assert "Roller og ansvar" in chart and "Gaver, reiser og bevertning" not in chart
    gaver = REAL.quiz("gaver")  # every theme of this bank is in most of its questions
    assert gaver is not None
    play = played(gaver.id, "wrong")
    page = results_screen(ViewContext(REAL, catalogues["nb"], {gaver.id: play}), gaver, play).body
    assert "topics-heading" not in page


def test_the_review_gives_verdict_and_best_answer_and_folds_the_explanation(
    catalogues: dict[str, Catalogue],
) -> None:
    quiz = REAL.quiz("gaver")
    assert quiz is not None
    play = played(quiz.id, "wrong")
    ctx = ViewContext(REAL, catalogues["nb"], {quiz.id: play})
    review = results_screen(ctx, quiz, play).body.split('<ol class="review">')[1]
    items = review.split('<li class="review-item')[1:]
    assert len(items) == len(play.state.path)
    for item, question_id in zip(items, play.state.path, strict=True):
        question = quiz.question(question_id)
        assert question is not None
        wrong = play.state.latest[question_id].grade.state != RIGHT
        best = f'<h3 id="best-{question_id}">Beste svar</h3><ul class="best-answer"'
        assert (best in item) == wrong, question_id
        # The explanation is there, folded: inside a closed disclosure.
        folded = item.split('<details class="review-more"><summary>')[1]
        assert folded.startswith("Les forklaringen og kildene</summary>")
        first_words = " ".join(question.explanation.nb.split())[:30]
        assert first_words in " ".join(re.sub(r"<[^>]+>", " ", folded).split())


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_home_suggests_where_to_begin_and_how_long_each_quiz_takes(
    catalogues: dict[str, Catalogue], lang: str
) -> None:
    page = home_screen(ViewContext(REAL, catalogues[lang])).body
    first = REAL.quizzes[0]
    heading = {"nb": "Ny her? Begynn her", "nn": "Ny her? Byrj her"}[lang]
    assert f'<h2 id="start-heading">{heading}</h2>' in page
    assert f"Start med «{first.title.get(lang)}»" in page
    facts = re.findall(r'<p class="card-status">(\d+) spørsmål · ca\. (\d+) min</p>', page)
    assert len(facts) == len(REAL.quizzes)
    for quiz, (_, shown) in zip(REAL.quizzes, facts, strict=True):
        assert int(shown) == minutes(quiz, lang)
    # Once anything is begun, "continue" takes the place of the suggestion.
    quiz = REAL.quiz("gaver")
    assert quiz is not None
    question = quiz.questions[0]
    one = answer(quiz, start(quiz), question.id, Response((question.options[0].id,)), 2)
    begun = ViewContext(REAL, catalogues[lang], {quiz.id: one})
    assert "start-heading" not in home_screen(begun).body


def test_a_finished_quizs_bar_shows_its_score_not_a_full_bar(
    catalogues: dict[str, Catalogue],
) -> None:
    play = played("jubileumsmiddag", "wrong")
    page = home_screen(ViewContext(REAL, catalogues["nb"], {"jubileumsmiddag": play})).body
    card = page.split("Rødt eller grønt lys? Del 1")[1].split("</li>")[0]
    percent = re.search(r"Fullført · resultat (\d+) %", card)
    assert percent is not None
    assert f'<rect class="meter-fill" width="{percent.group(1)}"' in card


def test_a_quiz_takes_its_reading_and_thinking_time_rounded_to_plan_by() -> None:
    for quiz in REAL.quizzes:
        shown = minutes(quiz, "nb")
        assert shown * 60 >= 0.75 * seconds(quiz, "nb")
        assert shown <= 15 or shown % 5 == 0
        assert seconds(quiz, "nb") > SECONDS_TO_ANSWER * 5  # reading counts
    assert minutes(REAL.quizzes[0], "nn") == minutes(REAL.quizzes[0], "nb")


@pytest.mark.parametrize(("lang", "label"), [("nb", "Vis kilder"), ("nn", "Vis kjelder")])
def test_the_intro_sources_disclosure_says_what_it_opens(
    catalogues: dict[str, Catalogue], lang: str, label: str
) -> None:
    """Its marker is drawn (a screen reader reads the words only), so the words say it opens."""
    from quiz_engine.views.intro import intro_screen

    quiz = REAL.quiz("gaver")
    assert quiz is not None
    page = intro_screen(ViewContext(REAL, catalogues[lang]), quiz).body
    summary = f'<details class="intro-sources"><summary>{label} ({len(quiz.sources)})</summary>'
    assert summary in page
