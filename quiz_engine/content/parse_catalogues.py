"""Read the catalogues: ``topics.toml`` (topic tags) and ``sources*.toml`` (cited sources)."""

from __future__ import annotations

from ..base.errors import Table
from ..base.model import SOURCE_KINDS, Source, Text, Topic
from .reader import Reader

PLACEHOLDER = Text("", "")


def parse_topics(reader: Reader, data: Table) -> list[Topic]:
    reader.known_keys(data, (), ("topics",))
    table = data.get("topics")
    if not isinstance(table, dict) or not table:
        reader.problem(("topics",), "there are no topics. Add sections like [topics.habilitet].")
        return []
    topics = []
    for topic_id, entry in table.items():
        path = ("topics", topic_id)
        if not isinstance(entry, dict):
            reader.problem(path, f"write the topic as a section: [topics.{topic_id}].")
            continue
        reader.known_keys(entry, path, ("order", "title"))
        title = reader.text(entry, path, "title")
        order = reader.integer(entry, path, "order", 0, 100_000) if "order" in entry else 0
        if title is not None and order is not None:
            topics.append(Topic(topic_id, order, title))
    return topics


def parse_sources(reader: Reader, data: Table) -> list[Source]:
    reader.known_keys(data, (), ("sources",))
    table = data.get("sources")
    if not isinstance(table, dict) or not table:
        reader.problem(("sources",), "there are no sources. Add sections like [sources.fvl-6].")
        return []
    sources = []
    for source_id, entry in table.items():
        path = ("sources", source_id)
        if not isinstance(entry, dict):
            reader.problem(path, f"write the source as a section: [sources.{source_id}].")
            continue
        reader.known_keys(entry, path, ("kind", "title", "url", "valid_as_of"))
        kind = reader.string(entry, path, "kind", "the kind of source")
        if kind is not None and kind not in SOURCE_KINDS:
            reader.problem(
                (*path, "kind"), f'"kind" must be one of {", ".join(SOURCE_KINDS)}, not "{kind}".'
            )
            kind = None
        url = reader.string(entry, path, "url", "a web address") if "url" in entry else None
        if url is not None and not url.startswith("https://"):
            reader.problem((*path, "url"), 'the web address must start with "https://".')
            url = None
        title = reader.text(entry, path, "title")
        valid = reader.date(entry, path, "valid_as_of")
        if kind and title and valid:
            sources.append(Source(source_id, kind, title, valid, url))
    return sources
