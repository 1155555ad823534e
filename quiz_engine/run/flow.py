"""The order of questions in a quiz: file order, ``next`` links and branching choices."""

from __future__ import annotations

from collections.abc import Callable

from ..base.model import END, Question, Quiz
from ..kinds import kind_of


def successors(quiz: Quiz, question: Question) -> tuple[str, ...]:
    """Every question id (or ``end``) that can follow ``question``."""
    if kind_of(question).branches:
        return tuple(o.next for o in question.options if o.next)
    if question.next:
        return (question.next,)
    index = quiz.position(question.id)
    return (quiz.questions[index + 1].id,) if index + 1 < len(quiz.questions) else (END,)


def walk(quiz: Quiz, choose: Callable[[Question], str | None]) -> tuple[str, ...]:
    """The path through the quiz, asking ``choose`` for the option picked in a branching question.

    When ``choose`` returns ``None`` (not answered yet) the best option's branch is assumed,
    so "question 2 of 5" can be shown before the councillor has chosen.
    """
    path: list[str] = []
    seen: set[str] = set()
    current = quiz.questions[0] if quiz.questions else None
    while current is not None and current.id not in seen:
        path.append(current.id)
        seen.add(current.id)
        follow = successors(quiz, current)
        if kind_of(current).branches:
            chosen = current.option(choose(current) or "") or next(
                o for o in current.options if o.correct
            )
            follow = (chosen.next or END,)
        current = quiz.question(follow[0]) if follow else None
    return tuple(path)


def reachable(quiz: Quiz) -> set[str]:
    seen: set[str] = set()
    todo = [quiz.questions[0]] if quiz.questions else []
    while todo:
        question = todo.pop()
        if question.id in seen:
            continue
        seen.add(question.id)
        todo.extend(q for q in map(quiz.question, successors(quiz, question)) if q is not None)
    return seen


def find_cycle(quiz: Quiz) -> list[str] | None:
    """A loop of question ids that a councillor could go round for ever, if there is one."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(question: Question) -> list[str] | None:
        state[question.id] = 1
        stack.append(question.id)
        for target in map(quiz.question, successors(quiz, question)):
            if target is None:
                continue
            if state.get(target.id) == 1:
                return [*stack[stack.index(target.id) :], target.id]
            if target.id not in state and (loop := visit(target)):
                return loop
        stack.pop()
        state[question.id] = 2
        return None

    for question in quiz.questions:
        if question.id not in state and (loop := visit(question)):
            return loop
    return None
