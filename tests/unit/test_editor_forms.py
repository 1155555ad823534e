"""The forms fit the content model: every text of every question of every shipped quiz has its
field (bokmål and nynorsk side by side), every kind draws from its own description, a blank
question of each kind asks for what the checker asks for, and content is always escaped."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from quiz_engine.base.errors import KeyPath
from quiz_engine.content.locate import format_path
from quiz_engine.editor.document import put
from quiz_engine.editor.draft import new_draft
from quiz_engine.editor.form_parts import Form
from quiz_engine.editor.form_question import question_form
from quiz_engine.editor.form_quiz import quiz_form
from quiz_engine.kinds import REGISTRY
from tests.unit.editor_kit import library, shipped_files

QUIZZES = [n for n in shipped_files() if n != "topics.toml" and not n.startswith("sources")]


def texts(value: Any, path: KeyPath = ()) -> Iterator[KeyPath]:
    """The key path of every bokmål and nynorsk text in a parsed file."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from texts(inner, (*path, key))
    elif isinstance(value, list):
        for n, inner in enumerate(value, start=1):
            yield from texts(inner, (*path, n))
    elif path and path[-1] in ("nb", "nn"):
        yield path


def form(catalogues: Any, name: str, doc: dict[str, Any] | None = None) -> Form:
    text = shipped_files()[name]
    draft = new_draft("x", name, "shipped", text, {}, shipped_files())
    if doc is not None:
        draft = draft.with_doc(doc)
    return Form(catalogues["nb"], catalogues, draft, library())


@pytest.mark.parametrize("name", QUIZZES)
def test_every_text_of_a_shipped_quiz_has_its_field(catalogues: Any, name: str) -> None:
    shown = form(catalogues, name)
    doc = shown.draft.doc or {}
    drawn = str(quiz_form(shown)) + "".join(
        str(question_form(shown, n)) for n in range(1, len(doc["questions"]) + 1)
    )
    fields = set(re.findall(r'data-path="([^"]+)"', drawn))
    wanted = {format_path(p) for p in texts(doc)}
    assert wanted and wanted <= fields, wanted - fields


@pytest.mark.parametrize("kind", list(REGISTRY))
def test_a_blank_question_of_each_kind_asks_for_what_the_checker_asks_for(
    catalogues: Any, kind: str
) -> None:
    doc = tomllib.loads(shipped_files()["hets.toml"])
    doc = put(doc, ("questions",), [REGISTRY[kind].blank("hets-ny")])
    shown = form(catalogues, "hets.toml", doc)
    drawn = str(question_form(shown, 1))
    section = REGISTRY[kind].editing.section
    assert 'data-path="questions[1].prompt.nn"' in drawn
    assert re.search(rf'data-path="questions\[1\]\.{section}[\[.]', drawn)
    assert catalogues["nb"](f"editor.kind.{kind}") in drawn


def test_content_is_escaped_in_every_field(catalogues: Any) -> None:
    doc = tomllib.loads(shipped_files()["hets.toml"])
    doc = put(doc, ("questions", 1, "prompt", "nb"), '<script>alert(1)</script>"onerror=x')
    doc = put(doc, ("title", "nn"), "<img src=x onerror=alert(1)>")
    shown = form(catalogues, "hets.toml", doc)
    drawn = str(question_form(shown, 1)) + str(quiz_form(shown))
    assert "<script>" not in drawn and "<img" not in drawn
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onerror=x" in drawn


def test_a_question_of_a_kind_the_app_does_not_have_still_shows_its_texts(catalogues: Any) -> None:
    doc = tomllib.loads(shipped_files()["hets.toml"])
    doc = put(doc, ("questions", 1, "kind"), "trafikklys")
    drawn = str(question_form(form(catalogues, "hets.toml", doc), 1))
    assert 'data-path="questions[1].prompt.nb"' in drawn and "trafikklys" in drawn
