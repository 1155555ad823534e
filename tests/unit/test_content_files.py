"""Data-driven: every valid content set loads; every invalid file gives exactly its expected messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_engine import ContentError, check_content, load_content

ROOT = Path(__file__).resolve().parents[2]
VALID = sorted(p for p in (ROOT / "tests/data/valid").iterdir() if p.is_dir())
INVALID = sorted((ROOT / "tests/data/invalid").glob("*.toml"))
CATALOGUES = [
    ROOT / "tests/data/valid/example/topics.toml",
    ROOT / "tests/data/valid/example/sources.toml",
]


def test_the_data_folders_are_not_empty() -> None:
    assert VALID and len(INVALID) >= 20


@pytest.mark.parametrize("folder", VALID, ids=lambda p: p.name)
def test_valid_content_loads(folder: Path) -> None:
    content = load_content([folder])
    assert content.quizzes and all(q.questions for q in content.quizzes)


@pytest.mark.parametrize("file", INVALID, ids=lambda p: p.stem)
def test_invalid_content_gives_the_expected_messages(file: Path) -> None:
    expected = file.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    content, problems = check_content([*CATALOGUES, file])
    assert content is None
    assert [str(p) for p in problems] == expected


def test_load_content_raises_one_error_type_with_every_problem() -> None:
    files = [
        *CATALOGUES,
        ROOT / "tests/data/invalid/missing_nynorsk.toml",
        ROOT / "tests/data/invalid/unknown_topic.toml",
    ]
    with pytest.raises(ContentError) as caught:
        load_content(files)
    error = caught.value
    assert len(error.problems) == 2
    assert error.file == "tests/data/invalid/missing_nynorsk.toml"
    assert error.path == "title.nn" and error.line == 8
    assert "nynorsk text is missing" in error.message
    assert str(error).count("\n") == 1


def test_a_missing_folder_or_an_empty_one_is_a_problem(tmp_path: Path) -> None:
    _, problems = check_content([tmp_path, tmp_path / "nope"])
    assert [p.message for p in problems] == [
        "no .toml files found in this folder.",
        "no such file or folder.",
    ]


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('title.nb = "Spørsmål"'.encode("latin-1"))
    _, problems = check_content([*CATALOGUES, bad])
    assert problems[0].message == "the file is not saved as UTF-8. Save it as UTF-8 text."


def test_ids_must_be_unique_across_files(tmp_path: Path) -> None:
    source = (ROOT / "tests/data/valid/example/example.toml").read_text(encoding="utf-8")
    (tmp_path / "copy.toml").write_text(source, encoding="utf-8")
    _, problems = check_content([ROOT / "tests/data/valid/example", tmp_path / "copy.toml"])
    messages = [p.message for p in problems]
    assert 'another file already uses the id "eksempel". Pick a new id.' in messages
    assert sum("Question ids must be unique" in m for m in messages) == 5
