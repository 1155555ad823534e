"""schema/kommune.schema.json, the editor's help for kommune.toml: it declares exactly the keys
the build accepts, each with a description; the example edition passes it, Taplo gives it (and
the example's own quizzes) the right schema, and it catches the simple mistakes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from quiz_engine.content.kommune import KEYS
from tests.unit.test_schema import as_json, declared, problems, schema, taplo_schemas, validator

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "fjellvik"
INVALID = ROOT / "tests" / "data" / "invalid" / "kommune"


def test_the_schema_is_valid_and_described() -> None:
    Draft202012Validator.check_schema(schema("kommune"))
    found = list(declared(schema("kommune")))
    assert [path for path, sub in found if "description" not in sub] == []


def test_the_schema_declares_exactly_the_keys_the_build_accepts() -> None:
    leaves = {
        path.removeprefix(".")
        for path, sub in declared(schema("kommune"))
        if "properties" not in sub
    }
    accepted = {f"{section}.{key}" for section, keys in KEYS.items() for key in keys}
    assert leaves == accepted


def test_the_example_passes_and_taplo_gives_every_file_its_schema() -> None:
    settings = EXAMPLE / "kommune.toml"
    assert taplo_schemas("examples/fjellvik/kommune.toml") == ["schema/kommune.schema.json"]
    data = as_json(tomllib.loads(settings.read_text(encoding="utf-8")))
    assert list(validator("kommune").iter_errors(data)) == []
    quizzes = sorted((EXAMPLE / "scenarios").glob("*.toml"))
    assert quizzes
    for path in quizzes:
        name = "sources" if path.name.startswith("sources") else "quiz"
        assert taplo_schemas(path.relative_to(ROOT).as_posix()) == [f"schema/{name}.schema.json"]
        assert problems(path) == [], path.name


def test_taplo_leaves_the_broken_settings_alone() -> None:
    for path in INVALID.glob("*/kommune.toml"):
        assert taplo_schemas(path.relative_to(ROOT).as_posix()) == [], path


@pytest.mark.parametrize(
    "case",
    [
        "unknown_key",
        "missing_name",
        "bad_language",
        "bad_colour",
        "link_not_https",
        "bad_limit",
        "bad_contacts",
        "short_name_too_long",
        "arms_wrong_type",
    ],
)
def test_the_schema_catches_the_simple_mistakes(case: str) -> None:
    data = tomllib.loads((INVALID / case / "kommune.toml").read_text(encoding="utf-8"))
    assert list(validator("kommune").iter_errors(as_json(data))) != []
