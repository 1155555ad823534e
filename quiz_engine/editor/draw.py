"""How a screen of the editor is drawn: the whole page, or (while the writer works in one
draft's forms) only its parts, so the preview frame and the focus stay where they are."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..base.markup import Markup
from ..base.model import Content, Question
from ..base.strings import Catalogue
from .advice import advice_panel
from .check import Checked
from .draft import Draft
from .file_screens import save_screen, text_screen
from .form_parts import Form
from .form_question import question_form
from .form_quiz import quiz_form
from .form_sources import sources_form
from .library import Library
from .panels import preview_modes, preview_state, sections_nav, side_panel
from .problems import problems_panel
from .routes import QUESTION, SAVE, SOURCES, TEXT, Place
from .screens import draft_head, draft_status, edit_screen


@dataclass(frozen=True)
class Drawing:
    """One draft's screen: what it is drawn from."""

    t: Catalogue
    catalogues: dict[str, Catalogue]
    library: Library
    draft: Draft
    checked: Checked
    place: Place
    mode: str = "question"  # what the preview plays: the question shown, or the whole quiz
    confirming: bool = False  # the question shown is about to be removed
    source_error: str = ""

    @property
    def form(self) -> Form:
        return Form(self.t, self.catalogues, self.draft, self.library)

    def form_html(self) -> Markup:
        if self.place.name == QUESTION:
            return question_form(self.form, self.place.position, self.confirming)
        if self.place.name == SOURCES:
            return sources_form(self.form, self.source_error)
        return quiz_form(self.form)

    def problems(self) -> Markup:
        return problems_panel(self.t, self.draft.key, self.checked)

    def advice(self, question: Question | None) -> Markup:
        quiz = self.checked.quiz
        return advice_panel(self.t, question, quiz, waiting=quiz is None)

    def page(self, question: Question | None, stale: bool, drawn: bool) -> Markup:
        head = draft_head(self.t, self.draft, self.place, self.checked)
        if self.place.name == TEXT:
            return Markup(head + text_screen(self.t, self.draft, self.problems()))
        if self.place.name == SAVE:
            return Markup(head + save_screen(self.t, self.draft, self.checked))
        question_shown = self.place.name == QUESTION
        state = preview_state(self.t, stale, drawn)
        side = side_panel(
            self.t, self.problems(), self.advice(question), state, self.mode, question_shown
        )
        nav = sections_nav(self.t, self.draft, self.place, self.checked)
        return edit_screen(self.t, head, nav, self.form_html(), side)

    def parts(
        self, question: Question | None, stale: bool, drawn: bool, form: bool
    ) -> dict[str, str]:
        """The parts that follow the draft as it is typed; ``form`` redraws the form too."""
        out = {
            "editor-problems": str(self.problems()),
            "editor-nav": str(sections_nav(self.t, self.draft, self.place, self.checked)),
            "editor-advice": str(self.advice(question)),
            "preview-state": str(preview_state(self.t, stale, drawn)),
            "draft-status": str(draft_status(self.t, self.draft, self.checked)),
            "preview-modes": str(preview_modes(self.t, self.mode, self.place.name == QUESTION)),
        }
        if form:
            out["editor-form"] = str(self.form_html())
        if self.place.name == TEXT:
            return {"editor-problems": out["editor-problems"], "draft-status": out["draft-status"]}
        return out


def previewed(drawing: Drawing, library: Library) -> tuple[Content | None, Question | None]:
    """What the preview plays in question mode: the question shown alone (every way on leading
    to the end), from the checked quiz, or checked alone when the rest still has problems."""
    from .check import check_question

    position = drawing.place.position
    quiz = drawing.checked.quiz
    content = drawing.checked.content
    if quiz is not None and content is not None and 1 <= position <= len(quiz.questions):
        question = quiz.questions[position - 1]
        alone = dataclasses.replace(
            question,
            next=None,
            options=tuple(
                dataclasses.replace(o, next="end") if o.next else o for o in question.options
            ),
        )
        return dataclasses.replace(
            content, quizzes=(dataclasses.replace(quiz, questions=(alone,)),)
        ), question
    single = check_question(drawing.draft, library, position)
    if single is None:
        return None, None
    return single, single.quizzes[0].questions[0]
