"""What lies next to a settings file: the coat of arms it names, the folder of its own quizzes.

The settings are checked the same way from a folder on disk (the command line's ``make build
KOMMUNE=…``) and from files chosen in the browser (the editor's edition form): each gives a
``Nearby``, and the checks ask it, never the file system.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class Nearby(Protocol):
    """The files beside the settings file, by the relative name the settings give."""

    def inside(self, name: str) -> bool:
        """Whether ``name`` stays in the settings file's folder (no ``../``, no absolute path)."""
        ...

    def read(self, name: str) -> bytes | None:
        """The file's bytes, or ``None`` when there is no such file."""
        ...

    def is_folder(self, name: str) -> bool:
        """Whether ``name`` is a folder."""
        ...


@dataclass(frozen=True)
class Folder:
    """The settings file's folder on disk."""

    path: Path

    def inside(self, name: str) -> bool:
        return self.path.resolve() in (self.path / name).resolve().parents

    def read(self, name: str) -> bytes | None:
        file = self.path / name
        return file.read_bytes() if file.is_file() else None

    def is_folder(self, name: str) -> bool:
        return (self.path / name).is_dir()


@dataclass(frozen=True)
class Files:
    """Files held in memory by name (``{"vapen.svg": b"<svg …"}``) and the folders there are
    (``{"scenarios"}``): what the browser has."""

    files: Mapping[str, bytes] = field(default_factory=dict)
    folders: Collection[str] = ()

    def inside(self, name: str) -> bool:
        clean = posixpath.normpath(name.replace("\\", "/"))
        return not (clean.startswith(("/", "../")) or clean in {".", ".."})

    def read(self, name: str) -> bytes | None:
        return self.files.get(posixpath.normpath(name)) if self.inside(name) else None

    def is_folder(self, name: str) -> bool:
        wanted = posixpath.normpath(name)
        return self.inside(name) and any(posixpath.normpath(f) == wanted for f in self.folders)
