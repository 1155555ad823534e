"""The content a site shows: the app's quizzes and the kommune's own, checked together with the
placeholders filled in from its settings, in the order its settings give."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from ..base.errors import ContentError, Problem
from ..base.model import Content
from ..content.kommune import Settings, check_show
from ..content.loader import check_parsed, read_bytes


def edition_content(
    app: Mapping[str, bytes],
    settings: Settings | None = None,
    own: Mapping[str, bytes] | None = None,
    quizzes: tuple[str, ...] = (),
) -> Content:
    """Check the app's content files and the kommune's own (both by the name problems give, like
    ``scenarios/gaver.toml``), with the settings' values for the placeholders (neutral fallbacks
    without settings); keep the quizzes ``settings.show`` names, in its order, then only
    ``quizzes`` if any. Raise ``ContentError`` listing every problem."""
    files = [*sorted(app.items()), *sorted((own or {}).items())]
    values = settings.edition.values() if settings is not None else None
    parsed = [(posixpath.basename(name), *read_bytes(name, data)) for name, data in files]
    content, problems = check_parsed(parsed, values)
    if files and not any(base == "topics.toml" for base, _, _ in parsed):
        folder = posixpath.dirname(files[0][0])
        problems.insert(0, Problem(folder, "", None, "topics.toml is missing."))
    if content is None or problems:
        raise ContentError(problems)
    if settings is not None:
        content = check_show(settings, content)
    if quizzes:
        kept = tuple(q for q in content.quizzes if q.id in quizzes)
        content = Content(kept, content.topics, content.sources)
    return content
