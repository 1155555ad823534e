"""Find content files, read them, and check them together."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..base.errors import ContentError, KeyPath, Problem, Table
from ..base.model import Content, Quiz, Source, Topic
from ..base.names import LANGUAGES
from .crosscheck import crosscheck
from .parse_catalogues import parse_sources, parse_topics
from .parse_quiz import parse_quiz
from .placeholders import PlaceholderError, resolve
from .reader import Reader


def content_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders to the ``.toml`` files inside them, in a stable order."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.rglob("*.toml"))
            if not found:
                problems.append(
                    Problem(str(path), "", None, "no .toml files found in this folder.")
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), "", None, "no such file or folder."))
    return files, problems


def check_content(
    paths: Iterable[str | Path], values: Mapping[str, str] | None = None
) -> tuple[Content | None, list[Problem]]:
    """Read and check every file; return the content (when all is well) and every problem.

    ``values`` are the kommune's settings that placeholders name (``{"kommune": "Fjellvik
    kommune"}``); without them every placeholder takes its neutral fallback.
    """
    files, problems = content_files(paths)
    read = [read_toml(file) for file in files]
    content, found = check_parsed(
        [(file.name, r, d) for file, (r, d) in zip(files, read, strict=True)], values
    )
    if files and not any(f.name == "topics.toml" for f in files):
        found.insert(0, Problem(str(files[0].parent), "", None, "topics.toml is missing."))
        content = None
    problems.extend(found)
    return (content if not problems else None), problems


def check_texts(
    texts: Iterable[tuple[str, str]], values: Mapping[str, str] | None = None
) -> tuple[Content | None, list[Problem]]:
    """Check content given as ``(file name, TOML text)`` pairs, as the editor holds it: the same
    rules and messages as ``check_content``, with no file system."""
    return check_parsed([(name, *parse_toml(name, text)) for name, text in texts], values)


def check_parsed(
    files: list[tuple[str, Reader, Table | None]],
    values: Mapping[str, str] | None = None,
    known: Sequence[tuple[str, Quiz]] = (),
) -> tuple[Content | None, list[Problem]]:
    """Check files already parsed (their name, a reader holding their problems, their data);
    ``known`` quizzes, checked before, take part in the checks across files (see crosscheck)."""
    topics: list[Topic] = []
    sources: list[Source] = []
    quizzes: list[tuple[Reader, Quiz]] = []
    for name, reader, data in files:
        if data is None:
            continue
        data = _resolved(reader, data, (), values or {})
        if name == "topics.toml":
            topics.extend(parse_topics(reader, data))
        elif name.startswith("sources"):
            _add_sources(reader, sources, parse_sources(reader, data))
        elif (quiz := parse_quiz(reader, data)) is not None:
            quizzes.append((reader, quiz))
    checked = crosscheck(quizzes, topics, sources, known)
    problems: list[Problem] = []
    for _, reader, _ in files:
        problems.extend(sorted(reader.problems, key=lambda p: p.line or 0))
    if problems:
        return None, problems
    ordered = tuple(sorted(checked, key=lambda q: (q.order, q.id)))
    topics.sort(key=lambda t: (t.order, t.id))
    return Content(ordered, tuple(topics), tuple(sources)), []


def load_content(paths: Iterable[str | Path], values: Mapping[str, str] | None = None) -> Content:
    """Read and check content; raise ``ContentError`` listing every problem if anything is wrong."""
    content, problems = check_content(paths, values)
    if content is None:
        raise ContentError(problems)
    return content


def _resolved(reader: Reader, data: Any, path: KeyPath, values: Mapping[str, str]) -> Any:
    """The parsed file with the placeholders of every nb/nn text filled in."""
    if isinstance(data, dict):
        return {k: _resolved(reader, v, (*path, k), values) for k, v in data.items()}
    if isinstance(data, list):
        return [_resolved(reader, v, (*path, n), values) for n, v in enumerate(data, start=1)]
    if isinstance(data, str) and path and path[-1] in LANGUAGES:
        try:
            return resolve(data, values)
        except PlaceholderError as error:
            reader.problem(path, str(error))
            return data
    return data


def _add_sources(reader: Reader, sources: list[Source], new: list[Source]) -> None:
    known = {s.id for s in sources}
    for source in new:
        if source.id in known:
            reader.problem(
                ("sources", source.id),
                f'the source id "{source.id}" is already defined in another sources file. '
                "Remove one of them or rename it.",
            )
        else:
            sources.append(source)


def read_toml(file: Path) -> tuple[Reader, Table | None]:
    """A TOML file and a reader for its problems; ``None`` (and the problem) if it cannot be
    read: missing, not UTF-8, not TOML. Content and a kommune's settings are read the same way."""
    name = _display(file)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        reader = Reader(name, "")
        reader.problems.append(Problem(name, "", None, "there is no such file."))
        return reader, None
    return read_bytes(name, data)


def read_bytes(name: str, data: bytes) -> tuple[Reader, Table | None]:
    """A file's bytes as TOML, as ``read_toml`` reads a file (not UTF-8, not TOML: a problem)."""
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError:
        reader = Reader(name, "")
        reader.problems.append(
            Problem(name, "", None, "the file is not saved as UTF-8. Save it as UTF-8 text.")
        )
        return reader, None
    return parse_toml(name, source)


def parse_toml(name: str, source: str) -> tuple[Reader, Table | None]:
    """TOML text and a reader for its problems; ``None`` (and the problem, with its line) if it
    is not TOML."""
    reader = Reader(name, source)
    try:
        return reader, tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        text = str(error)
        match = re.search(r"\(at line (\d+), column \d+\)", text)
        line = int(match.group(1)) if match else None
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", text)
        reader.problems.append(
            Problem(
                name,
                "",
                line,
                f"the file is not valid TOML ({reason}). Check the quotes, brackets and = signs "
                "on this line and the line before.",
            )
        )
        return reader, None


def _display(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)
