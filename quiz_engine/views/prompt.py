"""A question's prompt as the councillor reads it: the situation, then a short question.

The content has one ``prompt`` per question, written as a case does it: a few sentences of
situation, then the question ("… Hva gjør du?", "… Hvilke problemer ser du? Velg alle som
passer."). Set whole as a heading it is a wall of bold type, so the views split it: from the
last sentence that ends in "?" (with any instruction after it) is the question, everything
before it the situation. A prompt with no "?" keeps its last sentence as the question; a prompt
of one sentence is all question. Only the look changes: the two parts together are the prompt,
word for word, in both languages and in a kommune's own quizzes alike.
"""

from __future__ import annotations

import re

from ..base.markup import Markup, attrs, html

# A sentence ends with . ? ! (maybe inside a closing quote or bracket), then space, then a new
# sentence begins with a capital, a digit or an opening quote. "f.eks. 5" or "§ 6 første" are
# not boundaries; "kl. 18" is not either (no capital). A quotation after a colon begins one.
_BOUNDARY = re.compile(
    r"(?:(?<=[.?!])|(?<=[.?!][»\"”)]))\s+(?=[«\"“A-ZÆØÅ0-9])"
    # A quoted question after a colon starts the question: "… et innlegg: «Hvordan …?»".
    r"|(?<=:)\s+(?=«)"
)


def split_prompt(prompt: str) -> tuple[str, str]:
    """``("Du er invitert på middag.", "Hva gjør du?")``: the situation ("" when there is
    none) and the question, each with its spaces as they were."""
    text = prompt.strip()
    starts = [0, *(m.end() for m in _BOUNDARY.finditer(text))]
    asked = text.rfind("?")
    cut = max(s for s in starts if s <= asked) if asked >= 0 else starts[-1]
    return text[:cut].strip(), text[cut:].strip()


def prompt_block(prompt: str, question_id: str, heading: str = "h1") -> Markup:
    """The situation as a paragraph and the question as the heading (``h1`` on a question's
    screen; its ``tabindex`` lets the shell move focus there). The heading is described by the
    situation, so a screen reader that lands on it hears both. ``.prompt-block`` holds the
    whole prompt, word for word (tests find a question by it)."""
    situation, asked = split_prompt(prompt)
    focusable = heading == "h1"
    situation_id = f"situation-{question_id}"
    return html(
        # The space keeps the two parts apart in the text as well (copying, text search).
        '<div class="prompt-block">{situation} <{h}{attributes}>{asked}</{h}></div>',
        situation=html(
            '<p class="situation"{}>{}</p>',
            attrs(id=situation_id if focusable else None),
            situation,
        )
        if situation
        else "",
        h=Markup(heading),
        attributes=attrs(
            class_="prompt",
            tabindex="-1" if focusable else None,
            aria_describedby=situation_id if situation and focusable else None,
        ),
        asked=asked,
    )
