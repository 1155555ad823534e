"""One question: its prompt, its items as its kind describes them (``Kind.editing``), the
explanation, sources and topics, and where it leads. Nothing here knows a kind by name."""

from __future__ import annotations

from typing import Any

from ..base.errors import KeyPath, Table
from ..base.markup import Markup, html, join
from ..content.locate import format_path
from ..kinds import REGISTRY, Kind
from ..kinds.editing import Editing, Field
from .document import get
from .fields import button, choice, field_id, flag, line, problem_slot, text_pair
from .form_parts import Form, source_picker, topic_checks
from .snippets import toolbar

LIGHT_CREDITS = ("1.0", "0.5", "0.0")


def question_form(form: Form, position: int, confirming: bool = False) -> Markup:
    t = form.t
    questions = get(form.doc, ("questions",))
    count = len(questions) if isinstance(questions, list) else 0
    question: Any = get(form.doc, ("questions", position))
    question = question if isinstance(question, dict) else {}
    path: KeyPath = ("questions", position)
    kind = REGISTRY.get(str(question.get("kind")))
    name = t(f"editor.kind.{kind.name}") if kind else str(question.get("kind", ""))
    heading = t("editor.question.heading", n=position, total=count, kind=name)
    context = t("editor.item.question", n=position)
    return html(
        '<section class="edit-form" aria-labelledby="section-heading">'
        '<div class="form-head"><h2 id="section-heading" tabindex="-1">{heading}</h2>'
        '<p class="item-actions">{up}{down}{remove}</p></div>{confirm}{toolbar}{problem}'
        '<div class="field-row">{id}{kind}</div>{prompt}{items}{explanation}{sources}{topics}'
        '<div class="field-row">{confidence}{next}</div>{scored}</section>',
        heading=heading,
        up=button(t("editor.move_up"), "move-question", path=f"questions[{position}]", by="-1")
        if position > 1
        else "",
        down=button(t("editor.move_down"), "move-question", path=f"questions[{position}]", by="1")
        if position < count
        else "",
        remove=button(t("editor.question.remove"), "ask-remove", path=f"questions[{position}]"),
        confirm=confirm_remove(form, position) if confirming else "",
        toolbar=toolbar(t, form.catalogues),
        problem=problem_slot(path),
        id=line(
            t,
            (*path, "id"),
            t("editor.key.id"),
            question.get("id"),
            hint=t("editor.question.id_hint"),
            context=context,
        ),
        kind=_kind_choice(form, path, question, kind, context),
        prompt=text_pair(
            t, (*path, "prompt"), t("editor.key.prompt"), question.get("prompt"), required=True
        ),
        items=_items(form, path, question, kind) if kind else "",
        explanation=text_pair(
            t,
            (*path, "explanation"),
            t("editor.key.explanation"),
            question.get("explanation"),
            long=True,
            required=True,
            hint=t(
                "editor.question.model_answer_hint"
                if kind and kind.self_assessed
                else "editor.question.explanation_hint"
            ),
        ),
        sources=source_picker(form, (*path, "sources"), context),
        topics=topic_checks(form, (*path, "topics"), t("editor.question.topics_hint")),
        confidence=choice(
            (*path, "confidence"),
            t("editor.key.confidence"),
            question.get("confidence", ""),
            [
                ("", t("editor.question.confidence_quiz")),
                ("true", t("editor.yes")),
                ("false", t("editor.no")),
            ],
            context=context,
        ),
        next=_next_choice(form, path, question, kind, context),
        scored=flag(
            (*path, "scored"),
            t("editor.question.scored"),
            question.get("scored", kind.scored_by_default if kind else True) is True,
            context=context,
        ),
    )


def confirm_remove(form: Form, position: int) -> Markup:
    """Asked before a question goes: its texts go with it."""
    t = form.t
    return html(
        '<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" tabindex="-1" '
        'id="confirm"><p id="confirm-text">{}</p><p>{}{}</p></div>',
        t("editor.question.remove_confirm", n=position),
        button(
            t("editor.question.remove_yes"),
            "remove-question",
            cls="primary",
            path=f"questions[{position}]",
        ),
        button(t("editor.cancel"), "cancel"),
    )


def _kind_choice(form: Form, path: KeyPath, question: Table, kind: Kind | None, ctx: str) -> Markup:
    """The kinds this question can become without losing its items: those that keep them in
    the same section (one best answer, several, a branching story)."""
    t = form.t
    same = [
        k for k in REGISTRY.values() if kind is None or k.editing.section == kind.editing.section
    ]
    return choice(
        (*path, "kind"),
        t("editor.key.kind"),
        question.get("kind"),
        [(k.name, t(f"editor.kind.{k.name}")) for k in same],
        context=ctx,
    )


def _targets(form: Form, path: KeyPath) -> list[tuple[str, str]]:
    """Every other question of the quiz by id, and the end."""
    questions = get(form.doc, ("questions",))
    out = [("end", form.t("editor.next.end"))]
    for n, q in enumerate(questions if isinstance(questions, list) else [], start=1):
        if isinstance(q, dict) and isinstance(q.get("id"), str) and n != path[1]:
            out.append((q["id"], f"{n}. {q['id']}"))
    return out


def _next_choice(form: Form, path: KeyPath, question: Table, kind: Kind | None, ctx: str) -> Markup:
    if kind is not None and not kind.editing.question_next:
        return Markup("")
    t = form.t
    choices = [("", t("editor.next.following")), *_targets(form, path)]
    return choice(
        (*path, "next"), t("editor.key.next"), question.get("next", ""), choices, context=ctx
    )


def _items(form: Form, path: KeyPath, question: Table, kind: Kind) -> Markup:
    t = form.t
    editing = kind.editing
    section = (*path, editing.section)
    raw = question.get(editing.section)
    drawn = []
    if editing.named:
        table = raw if isinstance(raw, dict) else {}
        for name in editing.named:
            item = table.get(name)
            label = t(f"light.{name}")
            drawn.append(_item(form, (*section, name), item, editing, label, question))
    else:
        items = raw if isinstance(raw, list) else []
        for n, item in enumerate(items, start=1):
            label = t(editing.item, n=n)
            actions = _item_actions(t, (*section, n), label, n, len(items))
            drawn.append(_item(form, (*section, n), item, editing, label, question, actions))
    add = (
        ""
        if editing.named
        else html("<p>{}</p>", button(t(f"{editing.item}_add"), "add-item", path=_path(section)))
    )
    return html(
        '<fieldset class="items" id="{}-group" tabindex="-1"><legend>{}</legend>{}{}{}</fieldset>',
        field_id(section),
        t(f"{editing.item}_list"),
        problem_slot(section),
        join(drawn),
        add,
    )


def _item(
    form: Form,
    path: KeyPath,
    item: Any,
    editing: Editing,
    label: str,
    question: Table,
    actions: Markup | None = None,
) -> Markup:
    item = item if isinstance(item, dict) else {}
    fields = join(_field(form, path, item, f, label, question) for f in editing.fields)
    return html(
        '<fieldset class="item" id="{}-group" tabindex="-1"><legend>{}</legend>{}{}{}</fieldset>',
        field_id(path),
        label,
        problem_slot(path),
        fields,
        actions or "",
    )


def _field(
    form: Form, path: KeyPath, item: Table, field: Field, label: str, question: Table
) -> Markup:
    t = form.t
    where = (*path, field.key)
    value = item.get(field.key)
    name = t(field.label)
    if field.widget == "id":
        return line(t, where, name, value, context=label)
    if field.widget == "text":
        return text_pair(t, where, f"{label}: {name}", value, required=field.required)
    if field.widget == "correct_one":
        group = f"best-{path[1]}"
        return flag(
            where, name, value is True, action="best", kind="radio", name=group, context=label
        )
    if field.widget == "correct_many":
        return flag(where, name, value is True, context=label)
    if field.widget == "credit":
        if item.get("correct") is True:
            return Markup("")
        return line(
            t,
            where,
            name,
            value,
            kind="number",
            context=label,
            hint=t("editor.credit_hint"),
            min=0,
            max=0.95,
            step=0.05,
        )
    if field.widget == "light_credit":
        credits = [(c, t(f"editor.light_credit.{c.replace('.', '_')}")) for c in LIGHT_CREDITS]
        return choice(where, name, value if value is not None else "", credits, context=label)
    if field.widget == "target":
        return choice(where, name, value, _targets(form, path[:2]), context=label)
    return line(t, where, name, value, context=label)


def _item_actions(t: Any, path: KeyPath, label: str, n: int, total: int) -> Markup:
    where = _path(path)
    parts = []
    if n > 1:
        parts.append(button(t("editor.move_up"), "move-item", context=label, path=where, by="-1"))
    if n < total:
        parts.append(button(t("editor.move_down"), "move-item", context=label, path=where, by="1"))
    parts.append(button(t("editor.remove"), "remove-item", context=label, path=where))
    return html('<p class="item-actions">{}</p>', join(parts, " "))


def _path(path: KeyPath) -> str:
    return format_path(path)
