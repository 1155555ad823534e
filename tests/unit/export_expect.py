"""What an exported bank must hold, built from the content alone, and HTML read back as text.

Both round-trip tests (GIFT via gift-pegjs, Moodle XML via ElementTree) turn what their parser
gives into the same plain structure and compare it with ``expected(content, lang)``: a list of
dicts, one per category, intro and question, in file order. Texts are compared as blocks: each
``<p>`` and ``<li>`` of the exported HTML, as plain text (a list item as "- ", a link as
"title <address>"), against the content's paragraphs (split at blank lines, spaces collapsed).
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from quiz_engine import Content, Question, Quiz, Text
from quiz_engine.export.common import WORDS
from web.build.catalogues import read_catalogues

# The only tags the export writes; anything else in the HTML came from content, unescaped.
TAGS = {"p", "strong", "ul", "li", "a"}


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.tags: set[str] = set()
        self._text: list[str] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag in ("p", "li"):
            self._text = ["- "] if tag == "li" else []
        elif tag == "a":
            self._href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self._text.append(f" <{self._href}>")
            self._href = None
        elif tag in ("p", "li"):
            self.blocks.append("".join(self._text))

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def blocks(html: str | None) -> list[str]:
    """``<p>a &amp; b</p><ul><li>c</li></ul>`` -> ``["a & b", "- c"]``; asserts no foreign tag."""
    parser = _Blocks()
    parser.feed(html or "")
    parser.close()
    assert parser.tags <= TAGS, f"unexpected tags {parser.tags - TAGS} in {html!r}"
    return parser.blocks


def paragraphs(text: str) -> list[str]:
    return [" ".join(b.split()) for b in text.split("\n\n") if b.strip()]


def words(lang: str) -> dict[str, str]:
    """The app's UI strings, plus the two sentences only the export has."""
    ui = read_catalogues()[lang]
    return {**ui, **{k: v for k, v in WORDS[lang].items() if k.startswith("export.")}}


def category_path(content: Content, quiz: Quiz, lang: str) -> str:
    names = [words(lang)["app.name"], " ".join(quiz.title.get(lang).split())]
    return "/".join(["$course$", "top", *(n.replace("/", "//") for n in names)])


def weights(question: Question) -> list[float]:
    """Moodle percents that give our engine's grades, to 0.0001 % (Moodle writes 33.33333)."""
    if question.kind == "multiple":
        right = sum(o.correct for o in question.options)
        return [round(100 / right if o.correct else -100 / right, 4) for o in question.options]
    return [round(100 * o.credit, 4) for o in question.options]


def general_feedback(content: Content, question: Question, lang: str) -> list[str]:
    w = words(lang)
    out = paragraphs(question.explanation.get(lang))
    if question.kind == "reflection":
        out += [w["export.key_points"], *(f"- {p.text.get(lang)}" for p in question.key_points)]
    items = []
    for source_id in question.sources:
        source = content.source(source_id)
        assert source is not None
        title = source.title.get(lang)
        items.append(f"- {title} <{source.url}>" if source.url else f"- {title}")
    return out + ([w["feedback.sources"], *items] if items else [])


def _text(text: Text | None, lang: str) -> list[str]:
    return paragraphs(text.get(lang)) if text is not None else []


def _question(content: Content, quiz: Quiz, question: Question, lang: str) -> dict[str, Any]:
    w = words(lang)
    entry: dict[str, Any] = {
        "type": "essay" if question.kind == "reflection" else "multichoice",
        "name": f"{quiz.position(question.id) + 1:02d} {question.id}",
        "id": f"{quiz.id}.{question.id}",
        "text": paragraphs(question.prompt.get(lang)),
        "general": general_feedback(content, question, lang),
    }
    if question.kind == "reflection":
        points = [f"- {p.text.get(lang)}" for p in question.key_points]
        entry["graderinfo"] = [w["export.key_points"], *points]
        return entry
    answers = []
    for option, weight in zip(question.options, weights(question), strict=True):
        label = option.text.get(lang) if option.text.nb else w[f"light.{option.id}"]
        feedback = _text(option.feedback, lang)
        if option.consequence is not None:
            feedback += [w["feedback.consequence"], *_text(option.consequence, lang)]
        answers.append({"text": paragraphs(label), "weight": weight, "feedback": feedback})
    entry["single"] = question.kind != "multiple"
    entry["answers"] = answers
    return entry


def expected(content: Content, lang: str) -> list[dict[str, Any]]:
    """Per quiz: its category, its intro (a description), then every question in file order."""
    out: list[dict[str, Any]] = []
    for quiz in content.quizzes:
        out.append({"type": "category", "path": category_path(content, quiz, lang)})
        out.append(
            {
                "type": "description",
                "name": f"00 {quiz.id}",
                "id": f"{quiz.id}.intro",
                "text": paragraphs(quiz.intro.get(lang)),
            }
        )
        out += [_question(content, quiz, q, lang) for q in quiz.questions]
    return out


def same(actual: list[dict[str, Any]], wanted: list[dict[str, Any]]) -> None:
    """Compare question by question, naming the first that differs."""
    for got, want in zip(actual, wanted, strict=False):
        assert got == want, f"{got.get('name') or got.get('path')} differs"
    assert len(actual) == len(wanted)
