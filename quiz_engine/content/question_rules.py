"""The rules a question must follow, checked after it has been read: the kind's own, and that
it has only its kind's section (options, lights or key points)."""

from __future__ import annotations

from ..base.errors import KeyPath, Table
from ..base.model import Question
from ..kinds import REGISTRY
from .reader import Reader

SECTIONS = tuple(dict.fromkeys(kind.section for kind in REGISTRY.values()))


def check_question_shape(reader: Reader, data: Table, path: KeyPath, question: Question) -> None:
    """Record a problem for everything that does not fit the question's kind."""
    kind = REGISTRY.get(question.kind)
    if kind is None:
        reader.problem(
            (*path, "kind"),
            f'"kind" must be one of {", ".join(REGISTRY)}; "{question.kind}" is not one of them.',
        )
        return
    for key in SECTIONS:
        if key in data and key != kind.section:
            reader.problem(
                (*path, key),
                f'a {kind.name} question has no "{key}". Remove them or change "kind".',
            )
    kind.check(reader, data, path, question)
