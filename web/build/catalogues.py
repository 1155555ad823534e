"""Build time: read the gettext catalogues (locales/*/LC_MESSAGES/messages.po) with Babel."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parents[2] / "locales"


def read_catalogues(root: Path = LOCALES) -> dict[str, dict[str, str]]:
    """``{"nb": {key: text}, "nn": {...}}``; untranslated or fuzzy entries are left out."""
    out: dict[str, dict[str, str]] = {}
    for po in sorted(root.glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        out[po.parts[-3]] = {
            str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy
        }
    if not out:
        raise FileNotFoundError(f"no catalogues under {root}")
    return out
