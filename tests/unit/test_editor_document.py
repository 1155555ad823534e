"""The file as the editor holds it: key paths as the checker names them, changes that leave the
earlier version whole, values typed into forms, and tomli-w's writing of any shape."""

from __future__ import annotations

import datetime
import tomllib

import pytest

from quiz_engine.editor.document import delete, get, insert, move, parse_path, put, to_toml, typed


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("questions[3].options[1].text.nn", ("questions", 3, "options", 1, "text", "nn")),
        ("title.nb", ("title", "nb")),
        ("sources.fvl-6.title.nb", ("sources", "fvl-6", "title", "nb")),
        ("questions[12].lights.red.credit", ("questions", 12, "lights", "red", "credit")),
    ],
)
def test_a_key_path_reads_as_the_checker_writes_it(text: str, path: tuple[object, ...]) -> None:
    assert parse_path(text) == path


@pytest.mark.parametrize(
    "text", ["", "a..b", "questions[0]", "Title.nb", "x" * 301, "a[99999]", "a b"]
)
def test_what_is_not_a_key_path_is_refused(text: str) -> None:
    assert parse_path(text) is None


def test_a_change_leaves_the_earlier_version_whole() -> None:
    doc = {"questions": [{"prompt": {"nb": "Før", "nn": "Før"}}]}
    new = put(doc, ("questions", 1, "prompt", "nn"), "Etter")
    assert get(new, ("questions", 1, "prompt", "nn")) == "Etter"
    assert get(doc, ("questions", 1, "prompt", "nn")) == "Før"
    assert new["questions"][0]["prompt"]["nb"] is doc["questions"][0]["prompt"]["nb"]


def test_reading_any_shape_never_raises_and_writing_replaces_what_does_not_fit() -> None:
    doc = {"title": "a text, not a table", "questions": "not a list"}
    assert get(doc, ("title", "nb")) is None
    assert get(doc, ("questions", 2, "id")) is None
    assert put(doc, ("title", "nb"), "Tittel")["title"] == {"nb": "Tittel"}
    assert put(doc, ("questions", 5, "id"), "x") == doc  # no fifth question to change


def test_items_are_added_moved_and_removed_by_number() -> None:
    doc = {"options": [{"id": "a"}, {"id": "b"}]}
    doc = insert(doc, ("options",), {"id": "c"})
    moved, to = move(doc, ("options", 3), -1)
    assert [o["id"] for o in moved["options"]] == ["a", "c", "b"] and to == 2
    assert move(moved, ("options", 1), -1)[1] == 1  # the first stays first
    assert [o["id"] for o in delete(moved, ("options", 1))["options"]] == ["c", "b"]
    assert "options" not in delete({"options": [{"id": "a"}]}, ("options", 1))
    assert delete(doc, ("title",)) == doc


@pytest.mark.parametrize(
    ("key", "raw", "value"),
    [
        ("pass_mark", "70", 70),
        ("pass_mark", " 70 ", 70),
        ("pass_mark", "sytti", "sytti"),  # kept as typed: the checker says what is wrong
        ("order", "", None),
        ("credit", "0,5", 0.5),
        ("credit", "0.25", 0.25),
        ("valid_as_of", "2026-11-23", datetime.date(2026, 11, 23)),
        ("valid_as_of", "23.11.2026", "23.11.2026"),
        ("id", "", ""),
        ("nb", "  tekst ", "  tekst "),
    ],
)
def test_a_typed_value_is_stored_as_the_file_writes_it(key: str, raw: str, value: object) -> None:
    assert typed(key, raw) == value


def test_tomli_w_writes_what_the_forms_make_and_what_they_do_not_know() -> None:
    doc = {
        "questions": [
            {
                "promt": "a misspelt key the checker will name",
                "id": "q",
                "prompt": {
                    "nb": 'Første linje\n\nAndre avsnitt med «sitat» og "anførsel"',
                    "nn": "",
                },
                "lights": {"green": {"credit": 0.0}, "red": {"credit": 1.0}},
            }
        ],
        "valid_as_of": datetime.date(2026, 12, 4),
        "id": "x",
        "kind": "bank",
    }
    text = to_toml(doc)
    assert tomllib.loads(text) == doc
    assert text.index('id = "x"') < text.index("kind =") < text.index("valid_as_of")
    assert text.index("[questions.lights.red]") < text.index("[questions.lights.green]")
    assert '"""' in text  # a text with line breaks is written over several lines
