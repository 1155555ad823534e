"""The notices above every screen: storage, progress set aside, a new version waiting."""

from __future__ import annotations

from ..base.markup import escape
from ..base.names import UPDATE_NOTICE
from ..base.strings import Catalogue


def notices_html(t: Catalogue, notices: list[tuple[str, dict[str, str]]]) -> str:
    """Each notice with its dismiss button (and "update now" for a waiting version)."""
    parts = []
    for n, (key, values) in enumerate(notices):
        text = escape(t(key, **values))
        label = escape(t("shell.dismiss"))
        update = ""
        if key == UPDATE_NOTICE:
            now = escape(t("shell.update_now"))
            update = f'<button type="button" class="button primary" data-update="1">{now}</button>'
        parts.append(
            f'<div class="notice" role="status"><p>{text}</p>{update}<button type="button" '
            f'class="button secondary" data-dismiss="{n}">{label}</button></div>'
        )
    return "".join(parts)
