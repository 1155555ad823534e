"""Checks across files: unique ids, known topics and sources, branch targets, reachability."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..base.model import END, Quiz, Source, Topic
from ..run.flow import find_cycle, reachable
from .reader import Reader


def crosscheck(
    quizzes: list[tuple[Reader, Quiz]],
    topics: list[Topic],
    sources: list[Source],
    known: Sequence[tuple[str, Quiz]] = (),
) -> list[Quiz]:
    """Record problems that need more than one file to see; return quizzes with topics filled in.

    ``known`` are quizzes checked before, each with its file's name (the editor's other quizzes):
    their ids are taken, as if their files were read first, but they are not read again."""
    topic_ids = {t.id for t in topics}
    source_ids = {s.id for s in sources}
    quiz_ids: set[str] = {quiz.id for _, quiz in known}
    question_ids: dict[str, str] = {q.id: file for file, quiz in known for q in quiz.questions}
    result = []
    for reader, quiz in quizzes:
        if quiz.id in quiz_ids:
            reader.problem(("id",), f'another file already uses the id "{quiz.id}". Pick a new id.')
        quiz_ids.add(quiz.id)
        _check_refs(reader, (), quiz.topics, topic_ids, "topic", "topics.toml")
        _check_refs(reader, (), quiz.sources, source_ids, "source", "a sources*.toml file")
        for n, question in enumerate(quiz.questions, start=1):
            path = ("questions", n)
            if question.id in question_ids:
                where = question_ids[question.id]
                where = "earlier in this file" if where == reader.file else f"in {where}"
                reader.problem(
                    (*path, "id"),
                    f'the question id "{question.id}" is also used {where}. '
                    "Question ids must be unique in all files: rename one.",
                )
            question_ids.setdefault(question.id, reader.file)
            _check_refs(reader, path, question.topics, topic_ids, "topic", "topics.toml")
            _check_refs(
                reader, path, question.sources, source_ids, "source", "a sources*.toml file"
            )
            _check_targets(reader, quiz, n)
        _check_flow(reader, quiz)
        result.append(
            dataclasses.replace(
                quiz,
                questions=tuple(
                    q if q.topics else dataclasses.replace(q, topics=quiz.topics)
                    for q in quiz.questions
                ),
            )
        )
    return result


def _check_refs(
    reader: Reader,
    path: tuple[str | int, ...],
    ids: tuple[str, ...],
    known: set[str],
    what: str,
    where: str,
) -> None:
    key = "topics" if what == "topic" else "sources"
    for ref in ids:
        if ref not in known:
            reader.problem(
                (*path, key),
                f'there is no {what} with the id "{ref}". '
                f"Check the spelling, or add it to {where}.",
            )


def _check_targets(reader: Reader, quiz: Quiz, n: int) -> None:
    question = quiz.questions[n - 1]
    targets: list[tuple[tuple[str | int, ...], str]] = []
    if question.next:
        targets.append((("questions", n, "next"), question.next))
    for m, option in enumerate(question.options, start=1):
        if option.next:
            targets.append((("questions", n, "options", m, "next"), option.next))
    for path, target in targets:
        if target == question.id:
            reader.problem(path, "a question cannot lead to itself. Point next somewhere else.")
        elif target != END and quiz.question(target) is None:
            reader.problem(
                path,
                f'there is no question "{target}" in this file. Use the id of a question here, '
                'or "end".',
            )


def _check_flow(reader: Reader, quiz: Quiz) -> None:
    if not quiz.questions or reader.problems:
        return
    loop = find_cycle(quiz)
    if loop:
        first = next(n for n, q in enumerate(quiz.questions, 1) if q.id == loop[0])
        reader.problem(
            ("questions", first),
            "these questions lead round in a circle: "
            + " → ".join(loop)
            + '. Change a next so the story reaches "end".',
        )
        return
    seen = reachable(quiz)
    for n, question in enumerate(quiz.questions, start=1):
        if question.id not in seen:
            reader.problem(
                ("questions", n),
                f'no path leads to the question "{question.id}", so nobody will see it. '
                "Point a next to it, or remove it.",
            )
