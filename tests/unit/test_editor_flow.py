"""The editor driven message by message, as a writer uses it: open, edit, see the problem beside
its field, see the preview follow, add a question from nothing and play it, save."""

from __future__ import annotations

import json

from quiz_engine.content.loader import check_texts
from quiz_engine.editor.problems import SEPARATOR
from tests.unit.editor_kit import Shell, shipped_files


def open_gaver() -> Shell:
    shell = Shell()
    shell.click("open-shipped", quiz="gaver")
    assert shell.address == "#/utkast/gaver"
    return shell


def test_opening_a_shipped_quiz_shows_its_forms_and_keeps_a_draft_on_the_device() -> None:
    shell = open_gaver()
    page = shell.last.page or ""
    assert "Gaver, reiser og bevertning" in page
    assert 'data-path="title.nn"' in page and "Gåver, reiser og servering" in page
    assert json.loads(shell.records["draft:gaver"])["name"] == "gaver.toml"
    assert shell.preview is not None and shell.preview["address"] == "#/s/gaver"


def test_a_changed_prompt_is_previewed_at_once() -> None:
    shell = open_gaver()
    shell.go("#/utkast/gaver/sporsmal/2")
    assert shell.preview is not None and shell.preview["address"] == "#/s/gaver/1"
    shell.edit("questions[2].prompt.nb", "Får du beholde blomstene fra idrettslaget?")
    assert shell.preview is not None
    assert "Får du beholde blomstene fra idrettslaget?" in shell.preview["page"]
    assert shell.problems_beside() == {}


def test_an_empty_nynorsk_text_is_a_problem_beside_that_field_until_it_is_written() -> None:
    shell = open_gaver()
    shell.go("#/utkast/gaver/sporsmal/2")
    out = shell.edit("questions[2].prompt.nn", "")
    assert shell.problems_beside() == {
        "problem-questions-2-prompt-nn": "the nynorsk text is empty. Write it in nynorsk."
    }
    listed = out.parts["editor-problems"]
    assert f"Spørsmål 2{SEPARATOR}Spørsmålet{SEPARATOR}Nynorsk" in listed and "linje " in listed
    assert "1 problem" in out.parts["editor-nav"]
    shell.edit("questions[2].prompt.nn", "Du har halde tale på 100-årsjubileet.")
    assert shell.problems_beside() == {}
    assert "Ingen problemer" in shell.last.parts["editor-problems"]


def test_a_traffic_light_question_from_nothing_is_checked_then_played_in_the_preview() -> None:
    shell = open_gaver()
    shell.click("add-question", kind="traffic_light")
    assert shell.address == "#/utkast/gaver/sporsmal/15"
    before = shell.problems_beside()
    assert (
        before["problem-questions-15-prompt-nb"] == "the bokmål text is empty. Write it in bokmål."
    )
    assert "problem-questions-15-lights-yellow-feedback-nn" in before
    for path, text in {
        "prompt.nb": "Ordføreren får en kurv med julemat fra en leverandør. Rødt, gult eller grønt?",
        "prompt.nn": "Ordføraren får ei korg med julemat frå ein leverandør. Raudt, gult eller grønt?",
        "explanation.nb": "Rødt: leverandøren har en avtale med kommunen.",
        "explanation.nn": "Raudt: leverandøren har ein avtale med kommunen.",
        "lights.yellow.feedback.nb": "Her er det ikke noe å veie.",
        "lights.yellow.feedback.nn": "Her er det ikkje noko å vege.",
        "lights.green.feedback.nb": "En gave fra en leverandør kan svekke tilliten.",
        "lights.green.feedback.nn": "Ei gåve frå ein leverandør kan svekkje tilliten.",
    }.items():
        shell.edit(f"questions[15].{path}", text)
    shell.send(
        {
            "type": "submit",
            "action": "add-ref",
            "form": {"path": "questions[15].sources", "value": "fvl-6"},
        }
    )
    assert shell.problems_beside() == {}
    assert shell.preview is not None and "julemat" in shell.preview["page"]
    shell.play({"type": "submit", "form": {"question": "gaver-15", "choices": ["green"]}})
    assert "Ikke riktig" in shell.preview["page"]
    assert "En gave fra en leverandør kan svekke tilliten." in shell.preview["page"]


def test_the_saved_file_passes_the_checker_with_the_shipped_catalogues() -> None:
    shell = open_gaver()
    shell.edit("questions[1].explanation.nb", "Nei. Det finnes ingen nasjonal kronegrense.")
    shell.go("#/utkast/gaver/lagre")
    out = shell.click("download", file="quiz")
    assert out.download is not None and out.download["name"] == "gaver.toml"
    catalogues = [
        (n, t) for n, t in shipped_files().items() if n == "topics.toml" or n.startswith("sources")
    ]
    others = [
        (n, t)
        for n, t in shipped_files().items()
        if n not in dict(catalogues) and n != "gaver.toml"
    ]
    content, problems = check_texts([*catalogues, *others, ("gaver.toml", out.download["text"])])
    assert problems == []
    assert content is not None
    assert (
        content.quiz("gaver").questions[0].explanation.nb
        == "Nei. Det finnes ingen nasjonal kronegrense."
    )


def test_a_question_changes_kind_keeping_its_options_and_needing_no_hidden_fix() -> None:
    shell = open_gaver()
    shell.go("#/utkast/gaver/sporsmal/1")
    shell.edit("questions[1].kind", "branching")
    assert shell.problems_beside() == {}  # every option now leads to the end
    assert 'data-path="questions[1].options[1].next"' in shell.last.parts["editor-form"]
    shell.edit("questions[1].options[2].credit", "0.5")
    shell.edit("questions[1].kind", "multiple")
    # Part credit and where a choice leads are not for several right answers: they go, so the
    # form can show every key the question keeps.
    assert shell.problems_beside() == {}
    shell.edit("questions[1].kind", "single")
    assert shell.problems_beside() == {}
    saved = shell.click("download", file="quiz").download
    assert (
        saved is not None
        and "next =" not in saved["text"].split("[[questions]]")[1].split("[[questions]]")[0]
    )


def test_the_whole_quiz_plays_in_the_preview_from_its_start() -> None:
    shell = open_gaver()
    shell.go("#/utkast/gaver/sporsmal/4")
    shell.click("preview-mode", mode="quiz")
    assert shell.preview is not None and shell.preview["address"] == "#/s/gaver"
    shell.play({"type": "click", "action": "start", "data": {"behaviour": "immediate"}, "seed": 1})
    assert shell.preview["address"] == "#/s/gaver/1"
    assert "Spørsmål 1 av 14" in shell.preview["page"]
    shell.play({"type": "click", "action": "lang", "data": {"lang": "nn"}})
    assert shell.preview["lang"] == "nn" and "Spørsmål 1 av 14" in shell.preview["page"]
    # Changing a text keeps the play where it is, in the language chosen.
    shell.edit("questions[1].prompt.nn", "Finst det ei nasjonal kronegrense for gåver?")
    assert shell.preview["address"] == "#/s/gaver/1"
    assert "Finst det ei nasjonal kronegrense for gåver?" in shell.preview["page"]
    assert not any(k.startswith("session:") for k in shell.records)  # never the app's records
