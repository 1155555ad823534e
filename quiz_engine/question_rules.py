"""The rules each kind of question must follow, checked after the question has been read."""

from __future__ import annotations

from .locate import KeyPath
from .model import KINDS, Question
from .reader import Reader, Table

CHOICE_KINDS = ("single", "multiple", "branching")
ONE_BEST = ("single", "branching", "traffic_light")


def check_question_shape(reader: Reader, data: Table, path: KeyPath, question: Question) -> None:
    """Record a problem for everything that does not fit the question's kind."""
    kind = question.kind
    if kind not in KINDS:
        reader.problem(
            (*path, "kind"),
            f'"kind" must be one of {", ".join(KINDS)}; "{kind}" is not one of them.',
        )
        return
    _check_sections(reader, data, path, kind)
    if kind in CHOICE_KINDS:
        _check_options(reader, data, path, question)
    if kind in ONE_BEST:
        _check_one_best(reader, path, question)
    if kind == "traffic_light":
        for light in question.options:
            if light.credit < 1.0 and light.feedback is None:
                reader.problem(
                    (*path, "lights", light.id),
                    f"the {light.id} light has no feedback. Add feedback.nb and feedback.nn "
                    "saying why this light is not the best answer.",
                )
    if kind == "reflection":
        _check_unique(reader, path, "key_points", [p.id for p in question.key_points])
    if kind == "branching" and "next" in data:
        reader.problem(
            (*path, "next"),
            "a branching question sets next on each option, not on the question. Move it.",
        )


def _check_sections(reader: Reader, data: Table, path: KeyPath, kind: str) -> None:
    wanted = {"options": kind in CHOICE_KINDS, "lights": kind == "traffic_light"}
    wanted["key_points"] = kind == "reflection"
    for key, allowed in wanted.items():
        if key in data and not allowed:
            reader.problem(
                (*path, key), f'a {kind} question has no "{key}". Remove them or change "kind".'
            )


def _check_options(reader: Reader, data: Table, path: KeyPath, question: Question) -> None:
    options = question.options
    if len(options) == 1:
        reader.problem((*path, "options"), "a question needs at least two options. Add one.")
    _check_unique(reader, path, "options", [o.id for o in options])
    raw: list[Table] = data["options"] if isinstance(data.get("options"), list) else []
    for n, (option, table) in enumerate(zip(options, raw, strict=False), start=1):
        where = (*path, "options", n)
        if option.correct and "credit" in table:
            reader.problem(
                (*where, "credit"),
                "a correct option always gets full credit. Remove credit from it.",
            )
        elif "credit" in table and option.credit >= 1.0:
            reader.problem(
                (*where, "credit"), "credit = 1 means fully right: write correct = true instead."
            )
        if question.kind == "multiple" and "credit" in table:
            reader.problem(
                (*where, "credit"),
                "multiple-choice options cannot have credit; the score comes from the picks.",
            )
        if not option.correct and option.feedback is None:
            reader.problem(
                (*where, "feedback"),
                "this option is not correct, so it needs feedback: add feedback.nb and "
                "feedback.nn saying why it is wrong.",
            )
        if question.kind == "branching" and option.next is None:
            reader.problem(
                (*where, "next"),
                'every option of a branching question needs next = "<question id>" or "end".',
            )
        for key in ("next", "consequence"):
            if question.kind != "branching" and key in table:
                reader.problem(
                    (*where, key),
                    f'only options of a branching question can have "{key}". Remove it or '
                    'change the question\'s kind to "branching".',
                )
    if question.kind == "multiple" and options and not any(o.correct for o in options):
        reader.problem(
            (*path, "options"), "no option is marked correct = true. Mark the right ones."
        )


def _check_one_best(reader: Reader, path: KeyPath, question: Question) -> None:
    best = [o for o in question.options if o.correct]
    if len(question.options) < 2 or len(best) == 1:
        return
    if question.kind == "traffic_light":
        message = "exactly one light must have credit = 1.0 (the best answer)."
        reader.problem((*path, "lights"), message + f" Now {len(best)} have it.")
    elif not best:
        reader.problem(
            (*path, "options"), "no option is marked correct = true. Mark the best answer."
        )
    else:
        reader.problem(
            (*path, "options"),
            f"{len(best)} options are marked correct = true, but a {question.kind} question has "
            'exactly one best answer. Keep one, or use kind = "multiple".',
        )


def _check_unique(reader: Reader, path: KeyPath, key: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for n, item_id in enumerate(ids, start=1):
        if item_id and item_id in seen:
            reader.problem(
                (*path, key, n), f'the id "{item_id}" is used twice in this question. Rename one.'
            )
        seen.add(item_id)
