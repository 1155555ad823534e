"""The settings are checked the same from text and chosen files (the editor's edition form) as
from a folder on disk (the build): every refusal case of tests/data/invalid/kommune/ and the
example edition give the same problems and the same settings both ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz_engine import ContentError
from quiz_engine.content.kommune import Files, Settings, check_settings, read_settings

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted(p for p in (ROOT / "tests/data/invalid/kommune").iterdir() if p.is_dir())
FJELLVIK = ROOT / "examples" / "fjellvik" / "kommune.toml"


def _both_ways(settings_file: Path) -> tuple[Settings | list[str], Settings | list[str]]:
    folder = settings_file.parent
    chosen = Files(
        {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file()
        },
        {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir()},
    )
    name = str(settings_file.relative_to(ROOT))
    found: list[Settings | list[str]] = []
    for read in (
        lambda: read_settings(settings_file),
        lambda: check_settings(name, settings_file.read_text(encoding="utf-8"), chosen),
    ):
        try:
            found.append(read())
        except ContentError as error:
            found.append([str(p) for p in error.problems])
    return found[0], found[1]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_a_refusal_case_reads_the_same_from_chosen_files(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # read_settings names the file relative to the working folder
    from_disk, from_memory = _both_ways(case / "kommune.toml")
    if isinstance(from_disk, Settings):  # refused later, by the content (show, extra)
        assert isinstance(from_memory, Settings)
        assert from_memory.edition == from_disk.edition
    else:
        assert from_memory == from_disk and from_disk


def test_the_example_reads_the_same_from_chosen_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    from_disk, from_memory = _both_ways(FJELLVIK)
    assert isinstance(from_disk, Settings) and isinstance(from_memory, Settings)
    assert from_memory.edition == from_disk.edition and from_disk.edition.name
    assert (
        from_memory.coat_of_arms
        == from_disk.coat_of_arms
        == (FJELLVIK.parent / "fjellvik.svg").read_bytes()
    )
    assert from_memory.extra == from_disk.extra == "scenarios/"


def test_a_coat_of_arms_outside_the_folder_is_refused_in_memory() -> None:
    source = '[kommune]\nname = "Fjellvik kommune"\ncoat_of_arms = "../vapen.svg"\n'
    with pytest.raises(ContentError) as caught:
        check_settings("kommune.toml", source, Files({"../vapen.svg": b"<svg/>"}))
    assert [str(p) for p in caught.value.problems] == [
        'kommune.toml:3: kommune.coat_of_arms: the coat of arms "../vapen.svg" must be in the '
        "folder of this file."
    ]
