"""What both export formats share: the words they add, the HTML they write, names and categories.

Our texts are plain text with blank lines between paragraphs. Moodle gets them as HTML, built
only through ``markup`` (every content string escaped), so ``<script>`` in content stays text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base.markup import Markup, html, join, paragraphs
from ..base.model import Content, Option, Question, Quiz, Text
from ..kinds import kind_of

# The words an export adds around the content. Keys shared with the app's UI catalogues
# (locales/*/LC_MESSAGES/messages.po) hold the same text there (a test checks it); the export runs
# from the command line with the standard library only, so it cannot read the .po files itself.
WORDS = {
    "nb": {
        "app.name": "Folkevalgt: etikk og roller",
        "light.red": "Rødt lys",
        "light.yellow": "Gult lys",
        "light.green": "Grønt lys",
        "feedback.consequence": "Hva skjer videre",
        "feedback.sources": "Kilder",
        "export.key_points": "Et godt svar tar med",
        "export.branching": (
            "I appen avgjør svaret på et forgreiningsspørsmål hvilket spørsmål som kommer "
            "etterpå. Moodle kan ikke det: her er det et vanlig flervalgsspørsmål, og alle "
            "spørsmålene er med."
        ),
    },
    "nn": {
        "app.name": "Folkevald: etikk og roller",
        "light.red": "Raudt lys",
        "light.yellow": "Gult lys",
        "light.green": "Grønt lys",
        "feedback.consequence": "Kva skjer vidare",
        "feedback.sources": "Kjelder",
        "export.key_points": "Eit godt svar tek med",
        "export.branching": (
            "I appen avgjer svaret på eit forgreiningsspørsmål kva spørsmål som kjem etterpå. "
            "Moodle kan ikkje det: her er det eit vanleg fleirvalsspørsmål, og alle spørsmåla "
            "er med."
        ),
    },
}


@dataclass(frozen=True)
class Context:
    """The content being exported and the language it is exported in."""

    content: Content
    lang: str

    def text(self, text: Text) -> str:
        return text.get(self.lang)

    def word(self, key: str) -> str:
        return WORDS[self.lang][key]

    def html(self, text: Text | None) -> Markup:
        """A content text as HTML paragraphs; ``None`` gives an empty string."""
        return paragraphs(self.text(text)) if text is not None else Markup("")


def question_name(quiz: Quiz, question: Question) -> str:
    """``01 invitasjon``: the number keeps the file order when Moodle sorts by name."""
    return f"{quiz.position(question.id) + 1:02d} {question.id}"


def intro_name(quiz: Quiz) -> str:
    return f"00 {quiz.id}"


def idnumber(quiz: Quiz, question: Question | None = None) -> str:
    """Moodle's ID number: unique in the category; ids never hold a dot, so no clash."""
    return f"{quiz.id}.{question.id if question else 'intro'}"


def category_path(ctx: Context, quiz: Quiz) -> str:
    """``$course$/top/<app name>/<quiz title>``, a slash in a name doubled as Moodle expects.

    See ``assemble_category_path`` in Moodle's ``question/format.php``.
    """
    names = [ctx.word("app.name"), " ".join(ctx.text(quiz.title).split())]
    escaped = []
    for name in names:
        name = name.replace("/", "//")
        name = f" {name}" if name.startswith("/") else name
        escaped.append(f"{name} " if name.endswith("/") else name)
    return "/".join(["$course$", "top", *escaped])


def category_info(ctx: Context, quiz: Quiz) -> Markup:
    """The quiz's summary, and a note for each thing its kinds of question lose in Moodle."""
    lost = dict.fromkeys(kind_of(q).export.lost for q in quiz.questions)
    note = join(html("<p>{}</p>", ctx.word(key)) for key in lost if key)
    return html("{}{}", ctx.html(quiz.summary), note)


def option_label(ctx: Context, option: Option) -> Markup:
    """An option's text; a traffic light's is the light's name."""
    if option.text.nb:
        return ctx.html(option.text)
    return html("<p>{}</p>", ctx.word(f"light.{option.id}"))


def option_feedback(ctx: Context, option: Option) -> Markup:
    """The option's feedback, then (branching) what happens next in the story."""
    if option.consequence is None:
        return ctx.html(option.feedback)
    return html(
        "{}<p><strong>{}</strong></p>{}",
        ctx.html(option.feedback),
        ctx.word("feedback.consequence"),
        ctx.html(option.consequence),
    )


def key_points(ctx: Context, question: Question) -> Markup:
    """A reflection's key points: grader information, and part of the general feedback."""
    if not question.key_points:
        return Markup("")
    items = join(html("<li>{}</li>", ctx.text(p.text)) for p in question.key_points)
    return html("<p><strong>{}</strong></p><ul>{}</ul>", ctx.word("export.key_points"), items)


def general_feedback(ctx: Context, question: Question) -> Markup:
    """The explanation, a reflection's key points, and the sources with title and address."""
    items = []
    for source_id in question.sources:
        source = ctx.content.source(source_id)
        if source is None:
            continue
        title = ctx.text(source.title)
        link = html('<a href="{}">{}</a>', source.url, title) if source.url else title
        items.append(html("<li>{}</li>", link))
    sources = (
        html("<p><strong>{}</strong></p><ul>{}</ul>", ctx.word("feedback.sources"), join(items))
        if items
        else ""
    )
    return html("{}{}{}", ctx.html(question.explanation), key_points(ctx, question), sources)
