"""The answer screen: every option marked in place in words, for every kind, in both languages;
the best answer as a list; the arithmetic of "select all" spelt out; the verdict first; the
prompt split into its situation and its question; the case's story on every question."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz_engine import Catalogue, Content, Response, ViewContext, answer, load_content, start
from quiz_engine.kinds import kind_of
from quiz_engine.views.prompt import split_prompt
from quiz_engine.views.question import question_screen

ROOT = Path(__file__).resolve().parents[2]
REAL = load_content([ROOT / "scenarios"])
DASH = "\u2013"  # the marks read "Ditt valg, dash, riktig": an en dash, not a hyphen
MARKS = {
    "nb": (
        f"Ditt valg {DASH} riktig",
        f"Ditt valg {DASH} feil",
        "Riktig, men ikke valgt",
        "Beste svar",
    ),
    "nn": (f"Ditt val {DASH} rett", f"Ditt val {DASH} feil", "Rett, men ikkje valt", "Beste svar"),
}


def items(page: str) -> list[str]:
    """The marked options as text, in the order they stand."""
    found = re.findall(r'<li class="marked-option[^"]*">(.*?)</li>', page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()).replace(" :", ":") for item in found]


def screen_after(content: Content, catalogue: Catalogue, position: int, *moves: tuple) -> str:  # type: ignore[type-arg]
    quiz = content.quizzes[0]
    play = start(quiz)
    for question_id, response, *confidence in moves:
        play = answer(quiz, play, question_id, response, *confidence)
    ctx = ViewContext(content, catalogue, {quiz.id: play})
    return question_screen(ctx, quiz, play, position).body


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_select_all_marks_each_option_and_says_how_the_picks_add_up(
    example: Content, catalogues: dict[str, Catalogue], lang: str
) -> None:
    right, wrong, missed, _ = MARKS[lang]
    page = screen_after(
        example,
        catalogues[lang],
        3,
        ("invitasjon", Response(("ja",))),
        ("etter-middagen", Response(("meld",))),
        ("habil", Response(("part", "fetter")), 2),
    )
    marked = items(page)
    quiz = example.quizzes[0]
    question = quiz.question("habil")
    assert question is not None
    texts = {o.id: " ".join(o.text.get(lang).split()) for o in question.options}
    assert marked[0] == f"✓ {right}: {texts['part']}"
    assert marked[1] == f"○ {missed}: {texts['sosken']}"
    assert marked[2].startswith(f"✗ {wrong}: {texts['fetter']}")  # then its feedback
    line = {
        "nb": "Du valgte 1 av 2 riktige, og 1 feil valg trekker fra: du får 0 av 2.",
        "nn": "Du valde 1 av 2 rette, og 1 feil val trekkjer frå: du får 0 av 2.",
    }[lang]
    assert line in page
    # The best answer as a list, not a run-on line; the options are no longer a form.
    assert re.search(
        r'<h3 id="best-(\S+)">Beste svar</h3><ul class="best-answer" aria-labelledby="best-\1">'
        r"(<li>[^<]+</li>){2}</ul>",
        page,
    )
    assert " · " not in page.split('class="feedback')[1]
    assert "<input" not in page.split('id="feedback-heading"')[0].split("</h1>")[1]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_one_best_answer_a_light_and_a_story_choice_are_marked_in_place(
    example: Content, catalogues: dict[str, Catalogue], lang: str
) -> None:
    right, wrong, _, best = MARKS[lang]
    partly = {"nb": f"Ditt valg {DASH} delvis riktig", "nn": f"Ditt val {DASH} delvis rett"}[lang]
    moves = (
        ("invitasjon", Response(("ja",))),  # branching, wrong
        ("etter-middagen", Response(("meld",))),  # single, right
        ("habil", Response(("part", "sosken")), 3),
        ("lys", Response(("yellow",))),  # a light with half credit
    )
    branching = items(screen_after(example, catalogues[lang], 1, *moves))
    assert [m.split(":")[0] for m in branching] == [f"○ {best}", f"✗ {wrong}"]
    single = items(screen_after(example, catalogues[lang], 2, *moves))
    assert [m.split(":")[0] for m in single if ":" in m] == [f"✓ {right}"]
    lights = items(screen_after(example, catalogues[lang], 4, *moves))
    names = {
        "nb": ("Rødt lys", "Gult lys", "Grønt lys"),
        "nn": ("Raudt lys", "Gult lys", "Grønt lys"),
    }
    red, yellow, green = names[lang]
    # The example's red light is the best answer (credit 1), yellow earns half; in file order.
    assert lights[0].startswith(f"○ {best}: {red}")
    assert lights[1].startswith(f"◐ {partly}: {yellow}")
    assert lights[2].startswith(green)  # neither chosen nor right: no mark


def test_a_reflection_keeps_its_text_and_its_points_marked(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    page = screen_after(
        example,
        catalogues["nb"],
        5,
        ("invitasjon", Response(("ja",))),
        ("etter-middagen", Response(("meld",))),
        ("habil", Response(("part", "sosken")), 3),
        ("lys", Response(("green",))),
        ("refleksjon", Response(text="Jeg sier fra.", ticked=("meld-fra",))),
    )
    assert "Jeg sier fra." in page and "(med)" in page and "(ikke med)" in page
    assert "<textarea" not in page  # the feedback has taken the form's place


def test_the_verdict_comes_first_and_is_brought_to_the_top(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    page = screen_after(example, catalogues["nb"], 1, ("invitasjon", Response(("ja",))))
    after_prompt = page.split("</h1></div>", 1)[1]
    assert after_prompt.startswith('<section class="feedback feedback-wrong"')
    assert '<h2 id="feedback-heading" tabindex="-1" data-scroll="start">' in after_prompt


def test_a_cases_story_can_be_read_again_on_every_question(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    page = screen_after(example, catalogues["nn"], 1)
    story = re.search(r'<details class="story-again"><summary>(.*?)</summary>', page)
    assert story and story.group(1) == "Les saka igjen"
    intro = " ".join(example.quizzes[0].intro.nn.split())
    assert intro[:40] in " ".join(page.split())
    bank = REAL.quiz("gaver")
    assert bank is not None
    ctx = ViewContext(REAL, catalogues["nb"], {bank.id: start(bank)})
    assert "story-again" not in question_screen(ctx, bank, start(bank), 1).body


@pytest.mark.parametrize(
    ("prompt", "situation", "asked"),
    [
        ("Du er invitert på middag. Hva gjør du?", "Du er invitert på middag.", "Hva gjør du?"),
        (
            "Du leser saken. Hvilke problemer ser du? Velg alle som passer.",
            "Du leser saken.",
            "Hvilke problemer ser du? Velg alle som passer.",
        ),
        (
            "«Tåler det dagens lys?» Hvordan bruker du testen?",
            "«Tåler det dagens lys?»",
            "Hvordan bruker du testen?",
        ),
        ("Skriv ned tre regler.", "", "Skriv ned tre regler."),
        ("Du er ordfører. Skriv svaret du sender.", "Du er ordfører.", "Skriv svaret du sender."),
        ("Etter fvl. § 6 er du inhabil. Hva nå?", "Etter fvl. § 6 er du inhabil.", "Hva nå?"),
        ("Hvem avgjør det?", "", "Hvem avgjør det?"),
    ],
)
def test_a_prompt_splits_into_its_situation_and_its_question(
    prompt: str, situation: str, asked: str
) -> None:
    assert split_prompt(prompt) == (situation, asked)


def test_every_real_prompt_splits_word_for_word_into_a_short_question() -> None:
    lengths = []
    for quiz in REAL.quizzes:
        for question in quiz.questions:
            for lang in ("nb", "nn"):
                prompt = " ".join(question.prompt.get(lang).split())
                situation, asked = split_prompt(prompt)
                assert " ".join(f"{situation} {asked}".split()) == prompt, question.id
                assert asked[:1].isupper() or asked[:1] == "«", (question.id, asked)
                lengths.append(len(asked))
    # Short: most fit two lines on a phone; the longest (a reflection that lists five views of
    # what local politics is) is one sentence of 218 characters.
    assert max(lengths) <= 220
    assert sum(n <= 140 for n in lengths) >= 0.95 * len(lengths)


def test_the_kinds_name_their_missed_right_option_as_the_issue_asks() -> None:
    for quiz in REAL.quizzes:
        for question in quiz.questions:
            kind = kind_of(question)
            if question.options:
                assert kind.missed_mark == ("best" if kind.one_answer else "missed")
