"""Each kind of question lives in one module: a new kind is one module and one registry entry.

The test writes a kind the app does not have (a choice with a "Hva ville du gjort?" legend),
registers it, and a file using it is read, checked, played, drawn and exported without any other
module knowing it exists. And no module outside ``quiz_engine/kinds`` asks a question for its
kind by name.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quiz_engine import Catalogue, answer, load_content, start
from quiz_engine.base.errors import ContentError
from quiz_engine.export import export
from quiz_engine.kinds import REGISTRY, Response
from quiz_engine.kinds.choice import ChoiceKind
from quiz_engine.views.context import ViewContext
from quiz_engine.views.question import question_screen

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "valid" / "example"
QUIZ = """
id = "ny-type"
kind = "bank"
order = 9
topics = ["gaver"]
sources = ["ks-folkevalgtprogram"]
valid_as_of = 2026-11-23
pass_mark = 50
title.nb = "Ny type"
title.nn = "Ny type"
summary.nb = "Ett spørsmål av en ny type."
summary.nn = "Eitt spørsmål av ein ny type."
intro.nb = "Her er det."
intro.nn = "Her er det."

[[bands]]
from = 0
to = 100
text.nb = "Takk."
text.nn = "Takk."

[[questions]]
id = "dilemma"
kind = "dilemma"
sources = ["ks-folkevalgtprogram"]
prompt.nb = "En leverandør tilbyr deg en konsertbillett. Hva ville du gjort?"
prompt.nn = "Ein leverandør tilbyr deg ein konsertbillett. Kva ville du gjort?"
explanation.nb = "Gaver som kan påvirke deg, sier du nei til."
explanation.nn = "Gåver som kan påverke deg, seier du nei til."

[[questions.options]]
id = "nei"
correct = true
text.nb = "Takke nei"
text.nn = "Takke nei"

[[questions.options]]
id = "ja"
text.nb = "Ta imot"
text.nn = "Ta imot"
feedback.nb = "Billetten kan påvirke deg."
feedback.nn = "Billetten kan påverke deg."
"""


class Dilemma(ChoiceKind):
    name = "dilemma"
    legend = "question.legend_multiple"  # any catalogue key: this kind is only a test's


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "content")
    (tmp_path / "content" / "ny-type.toml").write_text(QUIZ, encoding="utf-8")
    monkeypatch.setitem(REGISTRY, "dilemma", Dilemma())
    return tmp_path / "content"


def test_a_new_kind_is_read_played_drawn_and_exported(
    folder: Path, catalogues: dict[str, Catalogue]
) -> None:
    content = load_content([folder])
    quiz = content.quiz("ny-type")
    assert quiz is not None
    session = answer(quiz, start(quiz, seed=1), "dilemma", Response(choices=("ja",)))
    assert session.state.answers["dilemma"].grade.state == "wrong"

    fresh = ViewContext(content, catalogues["nb"], {quiz.id: start(quiz, seed=1)})
    form = question_screen(fresh, quiz, start(quiz, seed=1), 1).body
    assert catalogues["nb"]("question.legend_multiple") in form and 'type="radio"' in form
    ctx = ViewContext(content, catalogues["nb"], {quiz.id: session})
    page = question_screen(ctx, quiz, session, 1).body
    assert catalogues["nb"]("mark.chosen_wrong") in page and "Billetten kan påvirke deg." in page

    gift = export(content, "gift", "nb", quiz)
    assert "\t=<p>Takke nei</p>\n" in gift
    assert "\t~<p>Ta imot</p>#<p>Billetten kan påvirke deg.</p>\n" in gift
    assert 'type="multichoice"' in export(content, "moodle-xml", "nb", quiz)


def test_without_its_module_the_kind_is_refused_with_the_known_kinds(folder: Path) -> None:
    del REGISTRY["dilemma"]
    with pytest.raises(ContentError) as error:
        load_content([folder])
    assert '"kind" must be one of single, multiple, traffic_light, reflection, branching' in str(
        error.value
    )


def test_no_module_outside_the_kinds_asks_a_question_for_its_kind_by_name() -> None:
    names = "|".join(REGISTRY)
    asks = re.compile(rf"""\.kind\s*(?:==|!=|in)\s*\(?["'](?:{names})["']""")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "quiz_engine").rglob("*.py"))
        if "kinds" not in path.relative_to(ROOT / "quiz_engine").parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if asks.search(line)
    ]
    assert offenders == []
