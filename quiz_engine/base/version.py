"""The app's version, in one place: ``pyproject.toml`` reads it, the about screen shows it, and
``make release`` names its folder after it (and refuses one without an entry in CHANGELOG.md)."""

from __future__ import annotations

VERSION = "1.0.0"
