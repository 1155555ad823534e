"""What the shell does after an event: the controller's answer, as plain JSON for the worker."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass
class Output:
    """What the shell does next. Empty fields mean "leave it as it is"."""

    page: str | None = None  # the new body of #app
    title: str | None = None
    lang: str | None = None
    rendered: str | None = None  # the address the page now shows (tests wait on it)
    focus: str | None = None  # a CSS selector; the shell falls back to "#main h1"
    announce: str = ""
    notices: str | None = None  # the new body of #notices
    writes: dict[str, str | None] = field(default_factory=dict)  # None removes the key
    redirect: str | None = None  # replace the address (no history entry), then show it
    go: str | None = None  # a new address (a history entry)
    form_error: str | None = None
    # In an LMS (a SCORM 1.2 launch): the CMI values to set and commit (see lms.py).
    lms: dict[str, str] | None = None
    # Parts of the page to redraw in place, by element id (the seminar's running timer): the
    # rest of the page, and where focus is, stay as they are.
    parts: dict[str, str] = field(default_factory=dict)
    # A file the page offers: the element (by id) that becomes its link, the text, its media
    # type (the seminar summary's spreadsheet). The shell makes it a Blob; nothing is uploaded.
    download: dict[str, str] | None = None

    def then(self, later: Output) -> Output:
        """``later``, keeping what this one stores and tells the LMS unless ``later`` does."""
        later.writes = {**self.writes, **later.writes}
        if later.lms is None:
            later.lms = self.lms
        return later

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))
