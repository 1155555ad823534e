"""The seminar's screens: every one renders in both languages, content stays inert, and no
inline style or script is used (the strict CSP)."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from quiz_engine import Catalogue, Content, Text
from quiz_engine.app import App, compose
from quiz_engine.app.effects import Output
from quiz_engine.app.seminar import state as st

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:x">x</a>'
BASE = "#/seminar/eksempel"


def hostile(example: Content) -> Content:
    quiz = example.quizzes[0]
    evil = Text(HOSTILE, HOSTILE)
    questions = tuple(
        dataclasses.replace(
            q,
            prompt=evil,
            explanation=evil,
            options=tuple(dataclasses.replace(o, text=evil, feedback=evil) for o in q.options),
        )
        for q in quiz.questions
    )
    return dataclasses.replace(
        example, quizzes=(dataclasses.replace(quiz, title=evil, intro=evil, questions=questions),)
    )


def pages(app: App) -> list[str]:
    """Every screen of the seminar for the example quiz: all its steps, blank, hidden, the
    tables' read screen, the summary and the table tablet's three screens."""
    quiz = app.page.content.quizzes[0]

    def send(**message: object) -> Output:
        return app.dispatch(json.loads(json.dumps(message)))

    out = [app.show("#/seminar").page, app.show(BASE).page]
    send(
        type="click",
        address=BASE,
        action="seminar-count",
        data={"question": "lys", "card": "red", "delta": "1"},
    )
    for n in range(len(st.steps(quiz))):
        out.append(
            send(type="click", address=BASE, action="seminar-step", data={"to": str(n)}).page
        )
    out.append(send(type="seminar-key", address=BASE, key="b").page)
    out.append(send(type="seminar-key", address=BASE, key="b").page)
    out.append(
        send(type="click", address=BASE, action="seminar-controls", data={"shown": "false"}).page
    )
    out += [app.show(f"{BASE}/les").page, app.show(f"{BASE}/oppsummering").page]
    out.append(app.show(f"{BASE}/bord").page)
    out.append(
        send(type="seminar-form", address=f"{BASE}/bord", form={"form": "table", "table": "2"}).page
    )
    send(
        type="click",
        address=f"{BASE}/bord",
        action="table-choose",
        data={"question": "lys", "card": "red"},
    )
    out.append(
        send(
            type="click", address=f"{BASE}/bord", action="table-hand-in", data={"shown": "true"}
        ).page
    )
    scanned = send(type="seminar-scan", address=f"{BASE}/les", text=HOSTILE)
    out += list(scanned.parts.values())
    return [p or "" for p in out]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_seminar_screen_renders_without_inline_style_or_script(
    example: Content, catalogues: dict[str, Catalogue], lang: str
) -> None:
    app = compose(example, catalogues, {"lang": lang})
    app.boot("#/seminar")
    shown = pages(app)
    assert len(shown) > 15 and all(shown)
    for page in shown:
        assert not re.search(r"<[^>]*\s(style|on[a-z]+)=|<script", page)


def test_hostile_content_stays_inert_on_every_seminar_screen(
    example: Content, catalogues: dict[str, Catalogue]
) -> None:
    app = compose(hostile(example), catalogues, {})
    app.boot("#/seminar")
    for page in pages(app):
        assert "<script>" not in page and "<img" not in page and 'href="javascript:' not in page
    run = app.show(BASE).page or ""
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in run
