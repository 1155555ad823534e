"""Drafts on the device, read back through a parser with bounds (what cannot be read is set
aside, never dropped), and files opened from the computer (a quiz with its sources beside it;
anything else is named in a notice, and the page goes on)."""

from __future__ import annotations

import json

import pytest

from quiz_engine.editor.draft import MAX_TEXT, draft_from_record, draft_to_record
from tests.unit.editor_kit import Shell, editor, shipped_files


def test_a_draft_is_stored_as_it_is_typed_and_comes_back_after_a_reload() -> None:
    shell = Shell()
    shell.click("open-shipped", quiz="hets")
    shell.edit("title.nb", "Hets og trusler (utkast)")
    again = Shell(shell.records)
    out = again.go("#/utkast/hets")
    assert "Hets og trusler (utkast)" in (out.page or "")
    assert "Hets og trusler (utkast)" in (again.go("#/").page or "")


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        json.dumps({"v": 2, "name": "a.toml", "origin": "file", "text": ""}),
        json.dumps(
            {
                "v": 1,
                "name": "../../etc/passwd",
                "origin": "file",
                "text": "",
                "own": "sources-a.toml",
            }
        ),
        json.dumps(
            {"v": 1, "name": "a.toml", "origin": "hacked", "text": "", "own": "sources-a.toml"}
        ),
        json.dumps(
            {"v": 1, "name": "a.toml", "origin": "file", "text": 5, "own": "sources-a.toml"}
        ),
        json.dumps(
            {
                "v": 1,
                "name": "a.toml",
                "origin": "file",
                "text": "x" * (MAX_TEXT + 1),
                "own": "sources-a.toml",
            }
        ),
        json.dumps([1, 2, 3]),
    ],
)
def test_a_stored_draft_that_cannot_be_read_is_set_aside_with_a_notice(raw: str) -> None:
    shell = Shell({"draft:skadet": raw, "draft:hets": draft_to_record(_hets())})
    assert "draft:skadet" not in shell.records
    assert [v for k, v in shell.records.items() if k.startswith("aside:draft:skadet")] == [raw]
    assert "kunne ikke leses" in (shell.last.notices or "")
    assert "draft:hets" in shell.records  # the readable one is kept


def _hets():  # type: ignore[no-untyped-def]
    shell = Shell()
    shell.click("open-shipped", quiz="hets")
    return shell.editor.work.drafts["hets"]


def test_a_record_round_trips_and_its_key_is_bounded() -> None:
    draft = _hets()
    assert draft_from_record("hets", draft_to_record(draft)) == draft
    assert draft_from_record("Hets!", draft_to_record(draft)) is None


def test_a_quiz_file_opens_with_its_own_sources_file_beside_it() -> None:
    quiz = shipped_files()["hets.toml"].replace('id = "hets"', 'id = "lokal-hets"', 1)
    quiz = quiz.replace('id = "hets-', 'id = "lokal-hets-')
    quiz = quiz.replace('sources = ["', 'sources = ["lokal-kilde", "', 1)
    sources = '[sources.lokal-kilde]\nkind = "guideline"\ntitle.nb = "Våre regler"\ntitle.nn = "Reglane våre"\nvalid_as_of = 2026-01-01\n'
    shell = Shell()
    out = shell.send(
        {
            "type": "open",
            "files": [
                {"name": "C:\\Users\\kari\\lokal.toml", "text": quiz},
                {"name": "sources-lokal.toml", "text": sources},
            ],
        }
    )
    assert shell.address == "#/utkast/lokal"
    assert "Ingen problemer" in (out.page or "")
    draft = shell.editor.work.drafts["lokal"]
    assert draft.sources_name == "sources-lokal.toml" and draft.sources_text == sources


def test_what_cannot_be_opened_is_named_in_a_notice_and_nothing_else_happens() -> None:
    shell = Shell()
    out = shell.send(
        {
            "type": "open",
            "files": [
                {"name": "bilde.png", "text": "x"},
                {"name": "latin1.toml", "error": "encoding"},
                {"name": "topics.toml", "text": shipped_files()["topics.toml"]},
                {"name": "sources-x.toml", "text": ""},
            ],
        }
    )
    notices = out.notices or ""
    assert "«bilde.png» er ikke en .toml-fil" in notices
    assert "«latin1.toml» er ikke lagret som UTF-8-tekst" in notices
    assert "«topics.toml» er emnelisten" in notices
    assert "Du valgte bare kildefiler" in notices
    assert shell.address == "#/" and shell.editor.work.drafts == {}


def test_a_file_that_is_not_toml_opens_as_text_with_its_problem_and_line() -> None:
    shell = Shell()
    out = shell.send(
        {
            "type": "open",
            "files": [{"name": "brudd.toml", "text": 'id = "x"\ntitle = "uten slutt\n'}],
        }
    )
    assert shell.address == "#/utkast/brudd/tekst"
    assert "linje 2" in (out.page or "") and "the file is not valid TOML" in (out.page or "")
    shell.send({"type": "text", "value": 'id = "x"\n'})
    out = shell.go("#/utkast/brudd")
    assert shell.address == "#/utkast/brudd" and 'data-path="title.nb"' in (
        out.parts.get("editor-form") or out.page or ""
    )


def test_a_draft_is_discarded_only_when_asked_twice() -> None:
    shell = Shell()
    shell.click("open-shipped", quiz="hets")
    shell.go("#/")
    shell.click("ask-discard", draft="hets")
    assert "draft:hets" in shell.records and 'role="alertdialog"' in (shell.last.page or "")
    shell.click("discard", draft="hets")
    assert "draft:hets" not in shell.records and "hets" not in shell.editor.work.drafts


def test_a_new_quiz_starts_with_empty_fields_the_checker_asks_for() -> None:
    shell = Shell()
    shell.click("new-quiz")
    assert shell.address == "#/utkast/ny-quiz"
    problems = shell.last.problems or {}
    assert problems["problem-title-nb"] == "the bokmål text is empty. Write it in bokmål."
    assert '"topics" must list at least one topic id' in problems["problem-topics"]


@pytest.mark.parametrize(
    "message",
    [
        {"type": "edit", "path": "questions[1].prompt.nb", "value": "x" * 100_001},
        {"type": "edit", "path": "questions[1]..prompt", "value": "x"},
        {"type": "edit", "path": "questions[1].prompt.nb", "value": ["x"]},
        {"type": "click", "action": "no-such-thing", "data": {}},
        {
            "type": "click",
            "action": "move-item",
            "data": {"path": "questions[99].options[1]", "by": "1"},
        },
        {"type": "open", "files": "not a list"},
        {"type": "preview", "message": {"type": "click", "seed": "not a number"}},
        {"type": "unknown"},
    ],
)
def test_a_message_out_of_bounds_changes_nothing(message: dict[str, object]) -> None:
    shell = Shell()
    shell.click("open-shipped", quiz="hets")
    before = dict(shell.records)
    shell.send(message)
    assert shell.records == before


def test_the_editor_starts_without_storage_and_says_so() -> None:
    out = editor(persistent=False).boot("#/")
    assert "Nettleseren lar ikke redaktøren lagre" in (out.notices or "")
