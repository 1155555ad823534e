"""Moodle XML export: read back with ElementTree, question by question.

What the XML holds is compared with the content (``export_expect``): categories, intros, stems,
options, right answers and weights, per-option feedback, general feedback with the sources, and
the essays' grader information. Content full of ``~ = # { } :``, ``<script>`` and ``&``
(``tests/data/valid/export``) must come back exactly, as text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from quiz_engine import Content, load_content
from quiz_engine.export import export

from .export_expect import blocks, expected, paragraphs, same, words

ROOT = Path(__file__).resolve().parents[2]
SPECIAL = "tests/data/valid/export"
LANGS = ["nb", "nn"]
# Elements whose <text> is HTML; names, category paths and ids are plain.
HTML_FIELDS = {
    "questiontext",
    "generalfeedback",
    "answer",
    "feedback",
    "graderinfo",
    "responsetemplate",
    "info",
}


@cache
def content(folder: str) -> Content:
    return load_content([ROOT / folder])


@cache
def bank(folder: str, lang: str) -> ET.Element:
    return ET.fromstring(export(content(folder), "moodle-xml", lang).encode("utf-8"))


def _html(element: ET.Element, path: str) -> list[str]:
    found = element.find(path)
    assert found is not None, path
    return blocks(found.findtext("text"))


def read_back(root: ET.Element) -> list[dict[str, Any]]:
    """What the XML holds, in the shape of ``export_expect.expected``."""
    out: list[dict[str, Any]] = []
    for question in root.findall("question"):
        kind = question.get("type")
        if kind == "category":
            out.append({"type": "category", "path": question.findtext("category/text")})
            continue
        entry: dict[str, Any] = {
            "type": kind,
            "name": question.findtext("name/text"),
            "id": question.findtext("idnumber"),
            "text": _html(question, "questiontext"),
        }
        if kind != "description":
            entry["general"] = _html(question, "generalfeedback")
        if kind == "multichoice":
            entry["single"] = {"true": True, "false": False}[question.findtext("single") or ""]
            entry["answers"] = [
                {
                    "text": blocks(answer.findtext("text")),
                    "weight": round(float(answer.get("fraction", "nan")), 4),
                    "feedback": _html(answer, "feedback"),
                }
                for answer in question.findall("answer")
            ]
        if kind == "essay":
            entry["graderinfo"] = _html(question, "graderinfo")
        out.append(entry)
    return out


@pytest.mark.parametrize("folder", ["scenarios", SPECIAL])
@pytest.mark.parametrize("lang", LANGS)
def test_the_bank_reads_back_question_by_question(folder: str, lang: str) -> None:
    wanted = expected(content(folder), lang)
    assert any(e["type"] == "essay" for e in wanted)
    same(read_back(bank(folder, lang)), wanted)


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_is_html_and_content_never_becomes_markup(lang: str) -> None:
    raw = export(content(SPECIAL), "moodle-xml", lang)
    assert "<script" not in raw  # XML-escaped everywhere
    root = ET.fromstring(raw.encode("utf-8"))
    texts = [e for e in root.iter() if e.find("text") is not None]
    assert len(texts) > 40
    for element in texts:
        wanted = "html" if element.tag in HTML_FIELDS else None
        assert element.get("format") == wanted, element.tag
        if wanted:  # the HTML itself holds content only as escaped text
            assert "<script" not in (element.findtext("text") or ""), element.tag
    stem = root.findall("question")[2].findtext("questiontext/text") or ""
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in stem


@pytest.mark.parametrize("lang", LANGS)
def test_each_category_describes_its_quiz_and_says_when_branching_is_lost(lang: str) -> None:
    for folder in ("scenarios", "tests/data/valid/example"):
        categories = bank(folder, lang).findall("question[@type='category']")
        assert len(categories) == len(content(folder).quizzes)
        for quiz, category in zip(content(folder).quizzes, categories, strict=True):
            info = _html(category, "info")
            note = words(lang)["export.branching"]
            branching = any(q.kind == "branching" for q in quiz.questions)
            assert info == paragraphs(quiz.summary.get(lang)) + ([note] if branching else [])
            assert category.findtext("idnumber") == quiz.id


def test_settings_follow_the_app_marks_shuffling_and_numbering() -> None:
    questions = iter(bank("scenarios", "nb").findall("question"))
    for quiz in content("scenarios").quizzes:
        assert next(questions).get("type") == "category"
        assert next(questions).findtext("defaultgrade") == "0"  # the intro
        for question in quiz.questions:
            element = next(questions)
            assert element.findtext("defaultgrade") == ("1" if question.scored else "0")
            if question.kind == "reflection":
                continue
            lights = question.kind == "traffic_light"
            shuffled = "true" if quiz.shuffle and not lights else "false"
            assert element.findtext("shuffleanswers") == shuffled
            assert element.findtext("answernumbering") == ("none" if lights else "abc")


def test_only_one_quiz_when_asked() -> None:
    quiz = content("scenarios").quiz("lillevik")
    assert quiz is not None
    root = ET.fromstring(export(content("scenarios"), "moodle-xml", "nb", quiz).encode("utf-8"))
    assert [q.findtext("category/text") for q in root.findall("question[@type='category']")] == [
        f"$course$/top/Folkevalgt: etikk og roller/{quiz.title.nb}"
    ]
    assert len(root.findall("question")) == 2 + len(quiz.questions)
