"""A draft is checked by the content checker itself: the same problems, words and lines as the
checker gives for its text; ids unique across the app's other quizzes; a quiz's own new sources
in a file of its own that the command line accepts beside the quiz."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from quiz_engine.content.loader import check_texts
from quiz_engine.editor.check import check_draft
from quiz_engine.editor.document import put
from quiz_engine.editor.draft import new_draft
from quiz_engine.editor.fields import slot_id
from quiz_engine.editor.problems import beside_fields, slots_in
from tests.unit.editor_kit import ROOT, SCENARIOS, Shell, library, shipped_files

SHIPPED = shipped_files().keys()


def gaver() -> tuple[dict[str, object], str]:
    text = shipped_files()["gaver.toml"]
    return tomllib.loads(text), text


def test_the_problems_are_the_checkers_own_for_the_text_that_would_be_saved() -> None:
    doc, text = gaver()
    doc = put(doc, ("questions", 4, "explanation", "nb"), "")
    n, question = next((n, q) for n, q in enumerate(doc["questions"], 1) if "options" in q)  # type: ignore[arg-type]
    wrong = next(m for m, o in enumerate(question["options"], 1) if not o.get("correct"))
    doc = put(doc, ("questions", n, "options", wrong, "feedback"), None)
    doc = put(doc, ("pass_mark",), 170)
    draft = new_draft("gaver", "gaver.toml", "shipped", text, {}, SHIPPED).with_doc(doc)
    checked = check_draft(draft, library())
    others = [(n, t) for n, t in shipped_files().items() if n != "gaver.toml"]
    _, expected = check_texts([*others, ("gaver.toml", draft.text)])
    assert [p.problem for p in checked.problems] == expected
    assert len(expected) == 3 and all(p.line for p in expected)
    assert checked.content is None


def test_an_id_another_quiz_uses_is_a_problem_naming_that_file() -> None:
    doc, text = gaver()
    draft = new_draft("gaver", "gaver.toml", "shipped", text, {}, SHIPPED).with_doc(
        put(doc, ("questions", 2, "id"), "habilitet-fetter")
    )
    (placed,) = check_draft(draft, library()).problems
    assert placed.problem.path == "questions[2].id"
    assert "is also used in habilitet.toml" in placed.problem.message
    assert placed.question == 2


def test_a_draft_of_a_shipped_quiz_replaces_it_rather_than_clashing_with_it() -> None:
    _, text = gaver()
    assert (
        check_draft(new_draft("kopi", "gaver.toml", "file", text, {}, SHIPPED), library()).problems
        == ()
    )


def test_each_problem_is_shown_beside_the_nearest_field_drawn() -> None:
    doc, text = gaver()
    doc = put(doc, ("questions", 2, "lights", "yellow", "feedback"), None)
    doc = put(doc, ("questions", 2, "promt"), "skrivefeil")
    draft = new_draft("gaver", "gaver.toml", "shipped", text, {}, SHIPPED).with_doc(doc)
    checked = check_draft(draft, library())
    shell = Shell()
    shell.click("open-shipped", quiz="gaver")
    form = shell.go("#/utkast/gaver/sporsmal/2").parts["editor-form"]
    beside = beside_fields(checked.in_question(2), slots_in(form))
    shown = {k: v for k, v in beside.items() if v}
    assert set(shown) == {
        slot_id(("questions", 2, "lights", "yellow")),  # the light's group: feedback is missing
        slot_id(("questions", 2)),  # the question's: a key the form has no field for
    }
    assert (
        "the yellow light has no feedback" in shown[slot_id(("questions", 2, "lights", "yellow"))]
    )
    assert '"promt" is not a key we know here' in shown[slot_id(("questions", 2))]


def test_a_new_source_goes_in_a_file_of_its_own_that_the_command_line_accepts(
    tmp_path: Path,
) -> None:
    shell = Shell()
    shell.click("open-shipped", quiz="gaver")
    shell.go("#/utkast/gaver/kilder")
    shell.send({"type": "submit", "action": "add-source", "form": {"id": "lokale-gaveregler"}})
    for lang, title in (("nb", "Kommunens gaveregler"), ("nn", "Gåvereglane i kommunen")):
        shell.edit(f"sources.lokale-gaveregler.title.{lang}", title, file="sources")
    shell.edit("sources.lokale-gaveregler.url", "https://fjellvik.kommune.no/gaver", file="sources")
    shell.go("#/utkast/gaver")
    shell.send(
        {
            "type": "submit",
            "action": "add-ref",
            "form": {"path": "sources", "value": "lokale-gaveregler"},
        }
    )
    assert shell.problems_beside() == {}
    quiz = shell.click("download", file="quiz").download
    sources = shell.click("download", file="sources").download
    assert quiz is not None and sources is not None
    assert sources["name"] == "sources-gaver-nye.toml"  # not the app's own sources-gaver.toml
    folder = tmp_path / "scenarios"
    folder.mkdir()
    for name, text in shipped_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / quiz["name"]).write_text(quiz["text"], encoding="utf-8")
    check = [sys.executable, "-m", "quiz_engine", "check", str(folder)]
    refused = subprocess.run(check, cwd=ROOT, capture_output=True, text=True, check=False)
    assert refused.returncode == 1
    assert 'there is no source with the id "lokale-gaveregler"' in refused.stderr
    (folder / sources["name"]).write_text(sources["text"], encoding="utf-8")
    accepted = subprocess.run(check, cwd=ROOT, capture_output=True, text=True, check=False)
    assert accepted.returncode == 0, accepted.stderr
    assert SCENARIOS.is_dir()


def test_a_new_source_needs_an_id_of_its_own() -> None:
    shell = Shell()
    shell.click("open-shipped", quiz="gaver")
    shell.go("#/utkast/gaver/kilder")
    out = shell.send({"type": "submit", "action": "add-source", "form": {"id": "Fvl 6"}})
    assert "En id kan bare ha små bokstaver" in out.parts["editor-form"]
    out = shell.send({"type": "submit", "action": "add-source", "form": {"id": "fvl-6"}})
    assert "Det finnes alt en kilde med id-en fvl-6" in out.parts["editor-form"]
    assert "sources-gaver.toml" not in (shell.records["draft:gaver"])
