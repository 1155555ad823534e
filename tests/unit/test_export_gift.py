"""GIFT export: read back by an independent parser (npm gift-pegjs), question by question.

``tests/unit/parse_gift.mjs`` runs gift-pegjs under node; what it gives is compared with the
content (``export_expect``): categories, intros, stems, options, right answers and weights,
per-option feedback, general feedback with the sources. Content full of ``~ = # { } :``,
backslashes, ``<script>`` and ``&`` (``tests/data/valid/export``) must come back exactly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

import pytest

from quiz_engine import Content, load_content
from quiz_engine.export import export
from quiz_engine.export.gift import escape

from .export_expect import blocks, expected, same

ROOT = Path(__file__).resolve().parents[2]
HELPER = ROOT / "tests" / "unit" / "parse_gift.mjs"
PARSER = ROOT / "node_modules" / "gift-pegjs"
SPECIAL = ROOT / "tests" / "data" / "valid" / "export"
LANGS = ["nb", "nn"]


@cache
def content(folder: str) -> Content:
    return load_content([ROOT / folder])


def no_parser(reason: str) -> NoReturn:
    """Locally a missing parser is a skip; in CI the round trip must never pass silently."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def gift_pegjs(gift: str) -> list[dict[str, Any]]:
    if not PARSER.is_dir():
        no_parser(f"{PARSER.relative_to(ROOT)} is missing: run `npm install` in {ROOT}")
    node = shutil.which("node")
    if node is None:
        no_parser("node is not installed, so gift-pegjs cannot run")
    done = subprocess.run(
        [node, str(HELPER)],
        input=gift.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8")
    parsed: list[dict[str, Any]] = json.loads(done.stdout.decode("utf-8"))
    return parsed


def _choice(choice: dict[str, Any]) -> dict[str, Any]:
    # "=" is a right answer worth 100 %; "~" is 0 % unless it carries a weight like ~%50%.
    weight = 100.0 if choice["isCorrect"] else float(choice["weight"] or 0)
    feedback = choice["feedback"]
    return {
        "text": blocks(choice["text"]["text"]),
        "weight": round(weight, 4),
        "feedback": blocks(feedback["text"]) if feedback else [],
    }


def read_back(parsed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What gift-pegjs found, in the shape of ``export_expect.expected``."""
    out: list[dict[str, Any]] = []
    for item in parsed:
        if item["type"] == "Category":
            out.append({"type": "category", "path": item["title"]})
            continue
        assert item["stem"]["format"] == "html", item["title"]
        entry: dict[str, Any] = {
            "type": {"Description": "description", "MC": "multichoice", "Essay": "essay"}[
                item["type"]
            ],
            "name": item["title"],
            "id": item["id"],
            "text": blocks(item["stem"]["text"]),
        }
        if item["type"] != "Description":
            assert item["globalFeedback"]["format"] == "html", item["title"]
            entry["general"] = blocks(item["globalFeedback"]["text"])
        if item["type"] == "MC":
            entry["single"] = any(c["isCorrect"] for c in item["choices"])
            entry["answers"] = [_choice(c) for c in item["choices"]]
        out.append(entry)
    return out


def gift_expected(folder: str, lang: str) -> list[dict[str, Any]]:
    # GIFT has no grader information for essays (the key points are in the general feedback).
    return [
        {k: v for k, v in e.items() if k != "graderinfo"} for e in expected(content(folder), lang)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_real_bank_reads_back_question_by_question(lang: str) -> None:
    gift = export(content("scenarios"), "gift", lang)
    actual = read_back(gift_pegjs(gift))
    wanted = gift_expected("scenarios", lang)
    assert sum(e["type"] == "multichoice" for e in wanted) > 100
    same(actual, wanted)


@pytest.mark.parametrize("lang", LANGS)
def test_special_characters_read_back_exactly(lang: str) -> None:
    gift = export(content(str(SPECIAL.relative_to(ROOT))), "gift", lang)
    actual = read_back(gift_pegjs(gift))
    same(actual, gift_expected(str(SPECIAL.relative_to(ROOT)), lang))
    # The fixture really is hostile, and came back as text, not markup.
    stem = actual[2]["text"][0]
    assert "~ = # { } : <script>alert(1)</script> &" in stem
    assert actual[4]["answers"][2]["text"][0].endswith(" ~ = # { } : \\{")


def test_html_from_content_never_reaches_gift_as_markup() -> None:
    gift = export(content(str(SPECIAL.relative_to(ROOT))), "gift", "nb")
    raw = [line for line in gift.splitlines() if "<script" in line]
    # Only the category line, which Moodle reads as a plain name (and strips tags from).
    assert raw and all(line.startswith("$CATEGORY: ") for line in raw)


def test_a_branching_question_says_in_a_comment_that_its_branching_is_lost() -> None:
    gift = export(content("tests/data/valid/example"), "gift", "nn")
    lines = gift.splitlines()
    at = lines.index("// [id:eksempel.invitasjon]")
    assert lines[at - 1].startswith("// I appen avgjer svaret på eit forgreiningsspørsmål")
    assert sum(line.startswith("// I appen") for line in lines) == 1


def test_escape_follows_moodles_writer() -> None:
    assert escape("a~b=c#d{e}f:g\\h\ni\r") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_the_command_line_writes_one_quiz_as_utf8() -> None:
    args = ["export", "--format", "gift", "--lang", "nn", "--quiz", "habilitet"]
    done = subprocess.run(
        [sys.executable, "-m", "quiz_engine", *args],
        capture_output=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 0, done.stderr
    gift = done.stdout.decode("utf-8")
    assert gift == export(
        content("scenarios"), "gift", "nn", content("scenarios").quiz("habilitet")
    )
    title = content("scenarios").quiz("habilitet").title.nn  # type: ignore[union-attr]
    categories = [line for line in gift.splitlines() if line.startswith("$CATEGORY:")]
    assert categories == [f"$CATEGORY: $course$/top/Folkevald: etikk og roller/{title}"]
