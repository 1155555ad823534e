"""Every shipped quiz, opened in the editor and written by it (tomli-w), loads to the same
content with the real checker; saved without a change, it is the file as it was."""

from __future__ import annotations

import tomllib

import pytest

from quiz_engine.content.loader import check_texts
from quiz_engine.editor.document import to_toml
from quiz_engine.editor.library import is_catalogue
from tests.unit.editor_kit import Shell, library, shipped_files

QUIZ_FILES = [name for name in shipped_files() if not is_catalogue(name)]


def test_there_are_quizzes_to_write() -> None:
    assert len(QUIZ_FILES) >= 17


@pytest.mark.parametrize("name", QUIZ_FILES)
def test_a_shipped_quiz_written_by_the_editor_loads_to_the_same_content(name: str) -> None:
    files = shipped_files()
    written = to_toml(tomllib.loads(files[name]))
    content, problems = check_texts(
        [*((n, t) for n, t in files.items() if n != name), (name, written)]
    )
    assert problems == []
    assert content is not None
    shipped = library().content
    assert content.quizzes == shipped.quizzes
    assert content.topics == shipped.topics and content.sources == shipped.sources


@pytest.mark.parametrize("name", [n for n in shipped_files() if n.startswith("sources")])
def test_a_source_catalogue_written_by_the_editor_reads_the_same(name: str) -> None:
    text = shipped_files()[name]
    assert tomllib.loads(to_toml(tomllib.loads(text), "sources_file")) == tomllib.loads(text)


def test_saved_unchanged_a_quiz_is_its_file_as_shipped_comments_and_all() -> None:
    shell = Shell()
    shell.click("open-shipped", quiz="lillevik")
    saved = shell.click("download", file="quiz").download
    assert saved is not None and saved["text"] == shipped_files()["lillevik.toml"]


def test_changed_and_changed_back_a_quiz_is_written_anew_and_still_the_same_content() -> None:
    shell = Shell()
    shell.click("open-shipped", quiz="habilitet")
    shell.go("#/utkast/habilitet/sporsmal/3")
    first = tomllib.loads(shipped_files()["habilitet.toml"])["questions"][2]["prompt"]["nn"]
    shell.edit("questions[3].prompt.nn", first + " Endra.")
    shell.edit("questions[3].prompt.nn", first)
    saved = shell.click("download", file="quiz").download
    assert saved is not None
    assert saved["text"] != shipped_files()["habilitet.toml"]  # tomli-w's layout, no comments
    assert tomllib.loads(saved["text"]) == tomllib.loads(shipped_files()["habilitet.toml"])
