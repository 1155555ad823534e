"""The JSON Schemas in schema/ (editor help for content writers) agree with the content and the loader.

The schemas are a convenience for editors (Taplo / Even Better TOML); the checker stays the final
word. These tests keep the two from drifting: every content file passes its schema, a handful of
broken fixtures fail it, and the schema's kinds, languages and allowed keys are the loader's.
"""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from quiz_engine.base.model import LIGHTS, QUIZ_KINDS, SOURCE_KINDS
from quiz_engine.base.names import LANGUAGES
from quiz_engine.content.parse_quiz import QUESTION_KEYS, QUIZ_KEYS
from quiz_engine.content.reader import ID_PATTERN
from quiz_engine.kinds import REGISTRY as KINDS
from quiz_engine.kinds.choice import OPTION_KEYS
from quiz_engine.kinds.reflection import KEY_POINT_KEYS
from quiz_engine.kinds.traffic_light import LIGHT_KEYS

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schema"
EXAMPLE = ROOT / "tests/data/valid/example"
INVALID = ROOT / "tests/data/invalid"
CONTENT = sorted({*ROOT.glob("scenarios/**/*.toml"), *ROOT.glob("tests/data/valid/**/*.toml")})


def schema_name(path: Path) -> str:
    """Which schema a file answers to: the loader's rule (quiz_engine/loader.py), by file name."""
    if path.name == "topics.toml":
        return "topics"
    return "sources" if path.name.startswith("sources") else "quiz"


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """TOML as an editor's schema sees it: dates and times become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def problems(path: Path) -> list[str]:
    data = as_json(tomllib.loads(path.read_text(encoding="utf-8")))
    errors = validator(schema_name(path)).iter_errors(data)
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
        for e in sorted(errors, key=lambda e: list(map(str, e.absolute_path)))
    ]


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema object inside ``node``, depth first."""
    if isinstance(node, dict):
        yield node
        for item in node.values():
            yield from walk(item)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


# ------------------------------------------------------------------ the schemas themselves


@pytest.mark.parametrize("name", ["quiz", "topics", "sources"])
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    assert schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema(name))


def declared(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every property the schema declares, by its path (not the narrowing inside if/then/else)."""
    if not isinstance(node, dict):
        return
    for key, sub in node.get("properties", {}).items():
        yield f"{path}.{key}", sub
        yield from declared(sub, f"{path}.{key}")
    for key in ("items", "additionalProperties"):
        yield from declared(node.get(key), f"{path}[]")
    for key, sub in node.get("$defs", {}).items():
        yield from declared(sub, f"#{key}")


@pytest.mark.parametrize("name", ["quiz", "topics", "sources"])
def test_every_property_has_a_description(name: str) -> None:
    found = list(declared(schema(name)))
    assert len(found) >= 5
    missing = [path for path, sub in found if "description" not in sub]
    assert not missing, f"{name}.schema.json: add a description to {missing}"


# ------------------------------------------------------------------ content passes


def test_the_content_globs_are_not_empty() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in CONTENT}
    assert {
        "tests/data/valid/example/example.toml",
        "tests/data/valid/example/topics.toml",
        "tests/data/valid/example/sources.toml",
    } <= names
    assert {schema_name(p) for p in CONTENT} == {"quiz", "topics", "sources"}


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_content_file_matches_its_schema(path: Path) -> None:
    assert problems(path) == []


# ------------------------------------------------------------------ broken files fail

# Fixture -> a piece of the schema's complaint. Only mistakes a schema CAN see are listed here;
# the rest (unknown topic ids, unreachable questions, band gaps, ...) need the checker.
CAUGHT = {
    "unknown_key": "questions/0: Additional properties are not allowed ('promt' was unexpected)",
    "missing_nynorsk": "title: 'nn' is a required property",
    "bad_id": "questions/0/id: 'Ugyldig én' does not match",
    "unknown_kind": "questions/0/kind: 'essay' is not one of",
    "extra_language": "title: Additional properties are not allowed ('se' was unexpected)",
    "pass_mark_text": "pass_mark: '70 %' is not of type 'integer'",
    "reflection_with_options": "questions/0: 'key_points' is a required property",
    "date_in_quotes": "valid_as_of: '23.11.2026' is not a 'date'",
    "empty_text": "summary/nn: '  ' does not match",
    "wrong_option_without_feedback": "questions/0/options/1: 'feedback' is a required property",
    "two_correct": "questions/0/options: Too many items match",
    "multiple_with_credit": "False schema does not allow 0.5",
    "next_on_single_option": "False schema does not allow 'end'",
}


@pytest.mark.parametrize("stem", sorted(CAUGHT))
def test_the_schema_rejects_a_broken_fixture(stem: str) -> None:
    found = problems(INVALID / f"{stem}.toml")
    assert any(CAUGHT[stem] in p for p in found), found


def test_a_reflection_with_options_is_told_to_drop_them() -> None:
    found = problems(INVALID / "reflection_with_options.toml")
    assert any("False schema does not allow [{'id': 'a'" in p for p in found), found


def test_a_traffic_light_needs_exactly_one_best_light() -> None:
    found = problems(INVALID / "traffic_light_two_best.toml")
    assert any(p.startswith("questions/0/lights: ") and "valid under each of" in p for p in found)


# ------------------------------------------------------------------ no drift from the engine


def enum_at(name: str, *path: str) -> list[str]:
    node: Any = schema(name)
    for key in path:
        node = node[key]
    values: list[str] = node["enum"]
    assert len(set(values)) == len(values)
    return values


def test_the_kinds_are_the_engines() -> None:
    assert set(enum_at("quiz", "$defs", "question", "properties", "kind")) == set(KINDS)
    assert set(enum_at("quiz", "properties", "kind")) == set(QUIZ_KINDS)
    source = ("properties", "sources", "additionalProperties", "properties", "kind")
    assert set(enum_at("sources", *source)) == set(SOURCE_KINDS)
    lights = schema("quiz")["$defs"]["question"]["properties"]["lights"]
    assert set(lights["properties"]) == set(lights["required"]) == set(LIGHTS)


@pytest.mark.parametrize("name", ["quiz", "topics", "sources"])
def test_every_text_has_exactly_the_engines_languages(name: str) -> None:
    texts = [
        node
        for node in walk(schema(name))
        if set(node.get("properties", {})) & ({"nb", "nn"} | set(LANGUAGES))
    ]
    assert texts
    for text in texts:
        assert set(text["properties"]) == set(LANGUAGES)
        assert set(text["required"]) == set(LANGUAGES)
        assert text["additionalProperties"] is False


def test_the_allowed_keys_are_the_loaders() -> None:
    quiz = schema("quiz")
    defs = quiz["$defs"]
    question = defs["question"]["properties"]
    assert set(quiz["properties"]) == set(QUIZ_KEYS)
    assert set(question) == set(QUESTION_KEYS)
    assert set(defs["option"]["properties"]) == set(OPTION_KEYS)
    assert set(defs["key_point"]["properties"]) == set(KEY_POINT_KEYS)
    assert set(question["lights"]["properties"]["red"]["properties"]) == set(LIGHT_KEYS)
    assert set(defs["band"]["properties"]) == {"from", "to", "text"}
    closed = [n for n in walk(quiz) if "properties" in n and n.get("type") == "object"]
    assert all(n["additionalProperties"] is False for n in closed)


def test_ids_follow_the_loaders_pattern() -> None:
    patterns = {
        node["pattern"]
        for name in ("quiz", "topics", "sources")
        for node in walk(schema(name))
        if "pattern" in node and node["pattern"].startswith("^[a-z0-9]")
    }
    assert patterns == {ID_PATTERN.pattern}


# ------------------------------------------------------------------ editors find the schemas


def glob_match(pattern: str, path: str) -> bool:
    """Taplo's include/exclude globs, enough for .taplo.toml: ``**/`` is any folders (or none)."""
    regex = ""
    for part in re.split(r"(\*\*/|\*|\?)", pattern):
        regex += {"**/": "(?:.*/)?", "*": "[^/]*", "?": "[^/]"}.get(part, re.escape(part))
    return re.fullmatch(regex, path) is not None


def taplo_schemas(path: str) -> list[str]:
    rules = tomllib.loads((ROOT / ".taplo.toml").read_text(encoding="utf-8"))["rule"]
    return [
        rule["schema"]["path"]
        for rule in rules
        if any(glob_match(g, path) for g in rule.get("include", ["**"]))
        and not any(glob_match(g, path) for g in rule.get("exclude", []))
    ]


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_taplo_gives_each_content_file_its_schema(path: Path) -> None:
    found = taplo_schemas(path.relative_to(ROOT).as_posix())
    assert found == [f"schema/{schema_name(path)}.schema.json"]
    assert (ROOT / found[0]).is_file()


def test_taplo_leaves_the_broken_fixtures_alone() -> None:
    for path in INVALID.glob("*.toml"):
        assert taplo_schemas(path.relative_to(ROOT).as_posix()) == [], path.name
