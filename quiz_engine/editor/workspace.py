"""The drafts on this device, and how a quiz is opened into one: one of the app's quizzes, a
file from the computer (with the sources files beside it), or a new quiz from nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kinds import REGISTRY
from .document import to_toml
from .draft import (
    MAX_FILES,
    MAX_TEXT,
    Draft,
    file_name,
    free_key,
    new_draft,
    own_sources_name,
)
from .edits import blank_quiz
from .library import TOPICS, Library, is_catalogue

# A file the shell could not read as text: {"name": ..., "error": "encoding" | "size"}.
FILE_ERRORS = ("encoding", "size")


@dataclass
class Opened:
    draft: Draft | None
    notices: list[tuple[str, dict[str, str]]] = field(default_factory=list)


class Workspace:
    def __init__(self, library: Library, drafts: dict[str, Draft]) -> None:
        self.library = library
        self.drafts = drafts
        self.slots: set[str] = set()  # the problem slots of the form drawn

    def open_shipped(self, quiz_id: str) -> Draft | None:
        """The app's quiz ``quiz_id``: its draft on this device if there is one, else a new
        draft of its file as shipped."""
        found = self.library.quiz_text(quiz_id)
        if found is None:
            return None
        name, text = found
        for draft in self.drafts.values():
            if draft.origin == "shipped" and draft.name == name:
                return draft
        key = free_key(name.removesuffix(".toml"), set(self.drafts))
        return new_draft(key, name, "shipped", text, {}, self.library.files)

    def open_files(self, files: list[dict[str, object]]) -> Opened:
        """Files the writer chose or dropped: one quiz, and any sources files that go with it."""
        notices: list[tuple[str, dict[str, str]]] = []
        quizzes: list[tuple[str, str]] = []
        catalogues: dict[str, str] = {}
        for entry in files[:MAX_FILES]:
            name = file_name(entry.get("name"))
            shown = str(entry.get("name", ""))[:120]
            text = entry.get("text")
            error = entry.get("error")
            if name is None:
                notices.append(("editor.notice.not_toml_name", {"name": shown}))
            elif error in FILE_ERRORS or not isinstance(text, str) or len(text) > MAX_TEXT:
                key = "encoding" if error == "encoding" else "size"
                notices.append((f"editor.notice.file_{key}", {"name": name}))
            elif name == TOPICS:
                notices.append(("editor.notice.topics", {"name": name}))
            elif is_catalogue(name):
                catalogues[name] = text
            else:
                quizzes.append((name, text))
        if len(files) > MAX_FILES:
            notices.append(("editor.notice.too_many", {"n": str(MAX_FILES)}))
        if not quizzes:
            if catalogues:
                notices.append(("editor.notice.no_quiz", {}))
            return Opened(None, notices)
        for name, _ in quizzes[1:]:
            notices.append(("editor.notice.one_quiz", {"name": name}))
        name, text = quizzes[0]
        key = free_key(name.removesuffix(".toml"), set(self.drafts))
        draft = new_draft(key, name, "file", text, catalogues, self.library.files)
        return Opened(draft, notices)

    def new_quiz(self, today: str) -> Draft:
        """A quiz from nothing, with one question of the first kind to start from."""
        key = free_key("ny-quiz", set(self.drafts) | set(self.library.quiz_files))
        kind = next(iter(REGISTRY.values()))
        doc = blank_quiz(key, kind, f"{key}-1", today)
        name = f"{key}.toml"
        own = own_sources_name(name, self.library.files)
        return Draft(key, name, "new", to_toml(doc), doc, edited=True, sources_name=own)
