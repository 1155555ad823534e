"""The edition form's engine on CPython, message by message as its shell sends them: each value
checked by the build's settings checker at once, the problem beside its field in the build's
words, the contrast measured as the colour is picked, the coat of arms checked as it is chosen,
own quizzes and the order of the quizzes, kept on the device, and the files the build accepts."""

from __future__ import annotations

import base64
import io
import json
import tomllib
import zipfile
from pathlib import Path

from quiz_engine import Catalogue
from quiz_engine.content.kommune import read_settings
from quiz_engine.editor.edition import (
    EditionDraft,
    edition_from_record,
    edition_to_record,
    prune,
    settings_text,
)
from quiz_engine.editor.edition_site import finished_site, site_name
from tests.unit.editor_kit import Shell
from web.build.catalogues import read_catalogues
from web.build.site import edition_content

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "fjellvik"
SETTINGS = tomllib.loads((EXAMPLE / "kommune.toml").read_text(encoding="utf-8"))
SCRIPTED = b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>'


def beside(shell: Shell) -> dict[str, str]:
    return {k: v for k, v in (shell.last.problems or {}).items() if v}


def edition_shell() -> Shell:
    shell = Shell()
    own = EXAMPLE / "scenarios"
    shell.send(
        {
            "type": "open",
            "files": [
                {"name": p.name, "text": p.read_text(encoding="utf-8")}
                for p in (own / "fjellvik-ferjekaia.toml", own / "sources-fjellvik.toml")
            ],
        }
    )
    shell.go("#/utgave")
    return shell


def arms(shell: Shell, name: str, data: bytes) -> None:
    shell.send({"type": "arms", "name": name, "data": base64.b64encode(data).decode()})


def fill_fjellvik(shell: Shell) -> None:
    for section, keys in SETTINGS.items():
        for key, value in keys.items():
            if section == "contacts":
                for field, text in value.items():
                    shell.edit(f"contacts.{key}.{field}", text)
            elif (section, key) == ("kommune", "coat_of_arms"):
                arms(shell, value, (EXAMPLE / value).read_bytes())
            elif section != "quizzes":
                shell.edit(f"{section}.{key}", str(value))
    shell.click("edition-own", draft="fjellvik-ferjekaia")
    for quiz_id in SETTINGS["quizzes"]["show"]:
        shell.send({"type": "submit", "action": "edition-show-add", "form": {"value": quiz_id}})


def test_the_form_has_a_field_for_every_key_of_kommune_toml() -> None:
    from quiz_engine.content.kommune import KEYS

    page = edition_shell().last.page or ""
    for section, keys in KEYS.items():
        for key in keys:
            if (section, key) == ("quizzes", "extra"):
                continue  # the own quizzes ticked: their folder is written by the editor
            field = f"f-{section.replace('.', '-')}-{key}"
            assert f'id="{field}"' in page or f'id="{field}-group"' in page, field


def test_a_refused_colour_is_shown_beside_its_field_with_its_contrast_then_fixed() -> None:
    shell = edition_shell()
    shell.edit("kommune.name", "Fjellvik kommune")
    out = shell.send(
        {"type": "edit", "path": "theme.primary", "value": "#4a8fa3", "file": "picker"}
    )
    assert beside(shell) == {
        "problem-theme-primary": "white text on #4a8fa3 has a contrast of 3.6:1; WCAG AA "
        "needs 4.5:1. Choose a darker colour."
    }
    assert "hvit tekst på fargen 3.6:1" in out.parts["edition-contrast"]
    assert 'value="#4a8fa3"' in out.parts["colour-text"]  # the text field follows the picker
    out = shell.edit("theme.primary", "#8b1e3f")
    assert beside(shell) == {}
    assert 'value="#8b1e3f"' in out.parts["colour-picker"]
    assert "ingen problemer" in out.parts["edition-status"]


def test_a_coat_of_arms_with_a_script_is_refused_as_it_is_chosen() -> None:
    shell = edition_shell()
    shell.edit("kommune.name", "Fjellvik kommune")
    arms(shell, "vapen.svg", SCRIPTED)
    assert beside(shell) == {
        "problem-kommune-coat_of_arms": 'the coat of arms "vapen.svg" has a <script> element '
        "(line 2). Export it again as a plain SVG (no scripts, event handlers or links to other "
        "files) or as a PNG."
    }
    shell.click("edition-arms-remove")
    assert beside(shell) == {}


def test_a_contact_and_a_missing_name_are_refused_in_the_builds_words() -> None:
    shell = edition_shell()
    shell.edit("contacts.hets.phone", "ring meg")
    assert "the [kommune] section is missing" in shell.last.parts["edition-problems"]
    shell.edit("kommune.name", "Fjellvik kommune")
    problems = beside(shell)
    assert problems["problem-contacts-hets-phone"] == (
        '"ring meg" is not a phone number. Write digits and spaces, like "12 34 56 78".'
    )
    shell.edit("contacts.hets.phone", "")
    shell.edit("kommune.name", "")  # the file then has no [kommune] at all
    assert beside(shell) == {
        "problem-kommune": 'the [kommune] section is missing. Add it with name = "…".'
    }


def test_the_fjellvik_example_gives_the_files_the_build_accepts(tmp_path: Path) -> None:
    shell = edition_shell()
    fill_fjellvik(shell)
    assert beside(shell) == {}
    assert "ingen problemer" in shell.last.parts.get("edition-status", shell.last.page or "")
    # Kept on the device: a new editor on the same records has the same edition.
    again = Shell(shell.records)
    assert 'value="Fjellvik kommune"' in (again.go("#/utgave").page or "")
    shell.go("#/utgave/filer")
    toml = shell.click("edition-download", name="kommune.toml").download
    assert toml is not None and tomllib.loads(toml["text"]) == SETTINGS
    folder = shell.click("edition-zip").download
    assert folder is not None and folder["name"] == "kommune.zip"
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(folder["base64"]))) as zf:
        zf.extractall(tmp_path)
    ours = tmp_path / "kommune" / "kommune.toml"
    assert read_settings(ours).edition == read_settings(EXAMPLE / "kommune.toml").edition
    settings, content = edition_content(ROOT / "scenarios", ours)
    assert settings is not None
    assert [q.id for q in content.quizzes] == SETTINGS["quizzes"]["show"]


def test_the_quizzes_shown_are_put_in_order_and_an_own_quiz_untaken_leaves_the_list() -> None:
    shell = edition_shell()
    fill_fjellvik(shell)
    shell.click("edition-move", n="1", by="1")
    record = json.loads(shell.records["edition"])
    assert tomllib.loads(record["toml"])["quizzes"]["show"][:2] == [
        "fjellvik-ferjekaia",
        "lillevik",
    ]
    shell.click("edition-own", draft="fjellvik-ferjekaia")
    record = json.loads(shell.records["edition"])
    assert "fjellvik-ferjekaia" not in tomllib.loads(record["toml"])["quizzes"]["show"]
    assert record["own"] == []


def test_a_record_reads_back_and_a_damaged_one_is_set_aside() -> None:
    edition = EditionDraft({"kommune": {"name": "Fjellvik kommune"}}, "v.png", b"\x89PNG", ("a",))
    assert edition_from_record(edition_to_record(edition)) == edition
    assert edition_from_record('{"v": 1, "toml": "not toml ="}') is None
    shell = Shell({"edition": "{broken"})
    assert "edition" not in shell.records
    assert any(k.startswith("aside:edition:") for k in shell.records)


def test_an_emptied_field_leaves_its_key_out_and_an_empty_section_goes_too() -> None:
    assert prune({"contacts": {"hets": {}}, "kommune": {"name": "X"}}) == {"kommune": {"name": "X"}}
    edition = EditionDraft().with_value(("gifts", "limit_nok"), "500")
    assert edition.settings == {"gifts": {"limit_nok": 500}}
    assert edition.with_value(("gifts", "limit_nok"), " ").settings == {}
    assert settings_text(edition, []) == "[gifts]\nlimit_nok = 500\n"


def test_the_finished_edition_is_built_only_when_the_build_would_accept_it() -> None:
    shell = edition_shell()
    shell.edit("kommune.name", "Fjellvik kommune")
    shell.edit("theme.primary", "#4a8fa3")
    shell.go("#/utgave/filer")
    out = shell.click("edition-site")
    assert not out.build and "problemer" in out.announce
    assert (
        finished_site(shell.editor.edition, shell.editor.work.drafts, shell.editor.library, {})
        is None
    )
    shell.go("#/utgave")
    shell.edit("theme.primary", "#8b1e3f")
    shell.edit("kommune.short_name", "Fjellvik")
    out = shell.click("edition-site")
    assert out.build and "Bygger utgaven" in out.announce
    assert site_name(shell.editor.edition) == "folkevalgt-fjellvik.zip"


def test_an_own_quiz_is_checked_with_the_kommunes_values_as_the_build_checks_it() -> None:
    shell = edition_shell()
    draft = shell.editor.work.drafts["fjellvik-ferjekaia"]
    bare = "has no value in this edition and no fallback"
    assert any(bare in p.problem.message for p in shell.editor.checked(draft).problems)
    shell.edit("kommune.name", "Fjellvik kommune")
    shell.click("edition-own", draft="fjellvik-ferjekaia")
    assert shell.editor.checked(draft).problems == ()
    page = shell.go("#/utkast/fjellvik-ferjekaia").page or ""
    assert "Ingen problemer" in page


def test_one_problem_is_said_in_the_singular() -> None:
    from quiz_engine.editor.problems import count_text

    nb, nn = (Catalogue(lang, read_catalogues()[lang]) for lang in ("nb", "nn"))
    assert count_text(nb, 1) == "1 problem" and count_text(nb, 3) == "3 problemer"
    assert count_text(nn, 1) == "1 problem" and count_text(nn, 3) == "3 problem"
    said = nb("editor.edition.status_problems", problems=count_text(nb, 1))
    assert said.endswith("· 1 problem")
