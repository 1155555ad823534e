"""Hostile content and hostile answers are shown as text, never run, and never widen the page.

The site is built from a copy of the worked example (tests/data/valid/example/) in which every
text, in bokmål and nynorsk (titles, summary, intro, prompts, options, feedback, consequences,
explanations, key points, bands, topic and source titles), has every hostile string below
appended. One source's https:// address also tries to break out of its href attribute.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from quiz_engine import Content, Question, Quiz, Response, Text, load_content
from tests.browser.driver import (
    WORDS,
    Run,
    answer_on_screen,
    current_question,
    go_on,
    plain,
    settled,
)
from tests.browser.watched import csp_violations, open_watched
from tools.serve import start_server
from web.build import build

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "valid" / "example"
WIDTH = 390
LONG_WORD = "Habilitetsvurderings" * 15  # 300 characters, no space to break at
HOSTILE = (
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=2">',
    '<a href="javascript:window.pwned=3">klikk</a>',
    '"><svg onload=window.pwned=4>',
    "{{7*7}} ${7*7} %s",
    LONG_WORD,
)
SUFFIX = " ".join(HOSTILE)
URL_BREAKOUT = '?q="><img src=x onerror="window.pwned=5">'
ANSWER = "Mitt svar: " + SUFFIX  # typed into the reflection

# Anything the content or the answer could have turned into markup.
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*"))
    for (const a of el.attributes)
      if (a.name.startsWith("on")) found.push(`<${el.localName} ${a.name}>`);
  const css = 'img[src="x"], svg[onload], a[href^="javascript:" i], #app script, '
            + '#notices script, #app iframe, #app object, #app embed';
  for (const el of document.querySelectorAll(css)) found.push(el.outerHTML.slice(0, 80));
  for (const a of document.querySelectorAll("a"))
    if (a.textContent.trim() === "klikk") found.push(a.outerHTML.slice(0, 80));
  return found;
}"""

HAS_HREF = "(url) => [...document.querySelectorAll('a')].some(a => a.getAttribute('href') === url)"

# Where the long word is drawn: every piece of it must lie inside the viewport (wrapped, not
# clipped by an overflow:hidden box nor pushed out of the page).
LONG_WORD_OUTSIDE = """(width) => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    if (!node.data.includes("Habilitetsvurderings")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects())
      if (r.width && (r.left < 0 || r.right > width))
        out.push(`${node.parentElement.localName}.${node.parentElement.className}: ${r.left}-${r.right}`);
  }
  return out;
}"""

# --- building the hostile site -----------------------------------------------------------


def _toml(value: Any) -> str:
    """TOML for the values the example uses; tables inline, strings as JSON (valid TOML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML for {value!r}")


def _poison(node: Any) -> Any:
    """Every {nb, nn} text gets the hostile strings appended (its own words stay in front, so
    prompts and options stay distinct and the driver can still find them)."""
    if isinstance(node, dict):
        if set(node) == {"nb", "nn"} and all(isinstance(v, str) for v in node.values()):
            # Braces name a kommune's settings in content; {{ and }} write a brace itself.
            literal = SUFFIX.replace("{", "{{").replace("}", "}}")
            return {lang: f"{text.strip()} {literal}" for lang, text in node.items()}
        return {key: _poison(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_poison(value) for value in node]
    return node


def write_hostile_content(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name in ("topics.toml", "sources.toml", "example.toml"):
        data = _poison(tomllib.loads((EXAMPLE / name).read_text(encoding="utf-8")))
        if name == "sources.toml":
            data["sources"]["fvl-6"]["url"] += URL_BREAKOUT
        text = "".join(f"{json.dumps(key)} = {_toml(value)}\n" for key, value in data.items())
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Content, Path]]:
    """(server URL, the content as the engine reads it, the built site)."""
    base = tmp_path_factory.mktemp("hostile")
    write_hostile_content(base / "content")
    content = load_content([base / "content"])
    build(base / "site", base / "content")
    server, url = start_server(base / "site")
    yield url, content, base / "site"
    server.shutdown()
    server.server_close()


# --- checks ----------------------------------------------------------------------------------


def paragraphs(text: Text, lang: str) -> list[str]:
    return [plain(block) for block in text.get(lang).split("\n\n") if block.strip()]


def shown(page: Any, text: str) -> bool:
    """Some visible element shows ``text`` (whitespace-normalised) as text. A textarea does not
    count: a submitted reflection keeps the answer in its (read-only) field as well."""
    found = page.get_by_text(plain(text)).and_(page.locator(":not(textarea)"))
    return bool(found.filter(visible=True).count() > 0)


def check_screen(page: Any, texts: list[str], where: str) -> None:
    """Nothing ran, nothing was injected, everything is shown literally, nothing overflows."""
    settled(page)
    assert page.evaluate("typeof window.pwned") == "undefined", where
    assert page.dialogs == [], where
    assert page.evaluate(INJECTED) == [], where
    missing = [t[:80] for t in (*HOSTILE, *texts) if not shown(page, t)]
    assert missing == [], f"{where}: not shown literally: {missing}"
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, where
    assert page.evaluate(LONG_WORD_OUTSIDE, WIDTH) == [], where
    assert page.errors == [], where
    assert csp_violations(page) == [], where


def source_titles(content: Content, ids: tuple[str, ...], lang: str) -> list[str]:
    return [s.title.get(lang) for s in content.sources if s.id in ids]


def feedback_texts(
    content: Content, question: Question, response: Response, lang: str
) -> list[str]:
    texts = [
        *paragraphs(question.explanation, lang),
        *source_titles(content, question.sources, lang),
    ]
    for option in question.options:
        if option.id in response.choices:
            if option.text.nb:
                texts.append(option.text.get(lang))
            if option.feedback:
                texts.append(option.feedback.get(lang))
            if option.consequence:
                texts += paragraphs(option.consequence, lang)
    return texts


def answer_reflection(page: Any, run: Run, question: Question) -> Response:
    lang = run.lang
    box = page.get_by_role("textbox", name=WORDS[lang]["text"])
    assert box.get_attribute("maxlength") == "4000"
    hint = page.locator(f"#{box.get_attribute('aria-describedby')}")
    assert hint.is_visible()
    assert ("4000 tegn" if lang == "nb" else "4000 teikn") in hint.inner_text()
    box.fill(ANSWER)
    page.get_by_role("button", name=WORDS[lang]["reveal"]).click()
    check_screen(page, [p.text.get(lang) for p in question.key_points], "model answer")
    first = question.key_points[0]
    page.get_by_role("checkbox", name=plain(first.text.get(lang)), exact=True).check()
    page.get_by_role("button", name=WORDS[lang]["submit"], exact=True).click()
    page.locator("#feedback-heading").wait_for()
    response = Response(text=ANSWER, ticked=(first.id,))
    run.answers.append((question.id, response, None))
    return response


# --- tests -------------------------------------------------------------------------------------


def test_the_prerendered_page_escapes_the_content(hostile: tuple[str, Content, Path]) -> None:
    index = (hostile[2] / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in index
    for raw in ("<script>window", "<img src=x", '<a href="javascript', "<svg onload"):
        assert raw not in index


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_hostile_content_and_answers_stay_text(
    browser: Any, hostile: tuple[str, Content, Path], lang: str
) -> None:
    url, content, _ = hostile
    quiz: Quiz = content.quizzes[0]
    page = open_watched(browser, url, lang, viewport={"width": WIDTH, "height": 844})
    check_screen(page, [quiz.title.get(lang), quiz.summary.get(lang)], "home")

    page.get_by_role("link", name=f"Start: {plain(quiz.title.get(lang))}", exact=True).click()
    settled(page)
    check_screen(page, [quiz.title.get(lang), *paragraphs(quiz.intro, lang)], "intro")
    assert plain(quiz.title.get(lang)) in page.title()

    page.get_by_role("button", name=WORDS[lang]["start"], exact=True).click()
    run = Run(quiz, lang)
    while True:
        question = current_question(page, quiz, lang)
        options = [o.text.get(lang) for o in question.options if o.text.nb]
        check_screen(page, [question.prompt.get(lang), *options], f"question {question.id}")
        if question.kind == "reflection":
            response = answer_reflection(page, run, question)
            texts = [ANSWER, *feedback_texts(content, question, response, lang)]
        else:
            answer_on_screen(page, run, "wrong")
            response = run.answers[-1][1]
            texts = feedback_texts(content, question, response, lang)
        check_screen(page, texts, f"feedback {question.id}")
        for source in content.sources:  # the address survived whole, inside its attribute
            if source.id in question.sources and source.url:
                assert page.evaluate(HAS_HREF, source.url), source.url
        if not go_on(page, lang):
            break

    percent = run.expected_percent()
    band = next(b for b in quiz.bands if b.low <= percent <= b.high)
    assert page.locator(".score-number").inner_text() == f"{percent} %"
    visited = [q for q in quiz.questions if q.id in {a[0] for a in run.answers}]
    check_screen(
        page,
        [
            quiz.title.get(lang),
            *paragraphs(band.text, lang),
            *(t.title.get(lang) for t in content.topics),
            *(q.prompt.get(lang) for q in visited),
            ANSWER,
        ],
        "results",
    )
    assert len(run.answers) == len(quiz.questions)  # every question, with the wrong branch
    page.context.close()
