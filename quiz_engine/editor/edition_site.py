"""The finished edition ("Last ned ferdig utgave"): the whole static site for the kommune, built
in the editor's worker by the same pure build the command line runs (``quiz_engine.site``), from
the kit the site itself ships (``redaktor/byggesett.json`` names its files), zipped."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from ..site import build_site, kit_from_site
from .draft import Draft
from .edition import EditionDraft, check_edition, included, own_files
from .edition_screen import problem_count
from .library import Library

FOLDER = "folkevalgt"  # the zip's one folder: what goes onto the static server
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def site_name(edition: EditionDraft) -> str:
    """``folkevalgt-fjellvik.zip``, after the kommune's short name (or its name)."""
    kommune = edition.settings.get("kommune")
    name = ""
    if isinstance(kommune, dict):
        name = str(kommune.get("short_name") or kommune.get("name") or "")
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    return f"{FOLDER}-{slug}.zip" if slug else f"{FOLDER}.zip"


def finished_site(
    edition: EditionDraft, drafts: Mapping[str, Draft], library: Library, site: Mapping[str, bytes]
) -> bytes | None:
    """The zip of the built site, or None while the edition has a problem (the build would
    refuse it, and says the same on the edition's screens)."""
    checked = check_edition(edition, drafts, library)
    if checked.settings is None or problem_count(checked):
        return None
    own = {n: t.encode() for n, t in own_files(included(edition, drafts, library)).items()}
    files = build_site(kit_from_site(site), checked.settings, own)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(zipfile.ZipInfo(f"{FOLDER}/{name}", ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
