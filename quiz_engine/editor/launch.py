"""The editor the worker runs, from the files the build wrote into its zip and what the page
sends: ``library.json`` and ``bundle.json`` (the app's content as texts and as checked),
``strings.json`` (the UI strings) and the device's records."""

from __future__ import annotations

import json

from ..base.strings import Catalogue
from .app import Editor
from .library import library_from_json


def launch(
    library: str, bundle: str, strings: str, records: str, persistent: bool, now: int
) -> Editor:
    stored = json.loads(records)
    kept = (
        {str(k): v for k, v in stored.items() if isinstance(v, str)}
        if isinstance(stored, dict)
        else {}
    )
    catalogues = {lang: Catalogue(lang, entries) for lang, entries in json.loads(strings).items()}
    return Editor(library_from_json(library, bundle), catalogues, kept, int(now), bool(persistent))
