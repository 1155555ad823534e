"""Helpers for the seminar's browser tests: keyboard only, waits on what the page shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

SHOTS = Path("/tmp/seminar-shots")
SIZES = ((1920, 1080), (1024, 768))
WORDS = {
    "nb": {
        "run": "Led på storskjerm",
        "tally": "Kortene i salen",
        "verdict": "Vurderingen",
        "start_timer": "Start tidtakeren",
        "pause": "Pause",
        "stopped": "står stille",
        "running": "går",
        "summary": "Oppsummering",
        "disagrees": "Salen var uenig",
        "more": "{card}: ett kort mer (nå {n})",
        "green": "Grønt lys",
        "red": "Rødt lys",
        "step": "Steg {n} av {total}",
        "read": "Les av bordene",
        "added": "Bord {table} er lagt til ({n} svar).",
        "reported": "{n} bord har levert",
        "none": "Fant ingen QR-kode",
        "not_ours": "ikke fra et bordnettbrett",
        "table_number": "Bordnummer",
        "show_code": "Vis QR-koden til kurslederen",
        "hide": "Skjul styringen",
        "show": "Vis styringen (Escape)",
        "custom": "Egne minutter",
        "time_up": "Tiden er ute",
        "restart": "Start på nytt",
        "nothing": "Bordet har ikke valgt noe ennå",
        "talk": "snakk om spørsmålet ved bordet",
    },
    "nn": {
        "run": "Leid på storskjerm",
        "tally": "Korta i salen",
        "verdict": "Vurderinga",
        "start_timer": "Start tidtakaren",
        "pause": "Pause",
        "stopped": "står stille",
        "running": "går",
        "summary": "Oppsummering",
        "disagrees": "Salen var usamd",
        "more": "{card}: eitt kort meir (no {n})",
        "green": "Grønt lys",
        "red": "Raudt lys",
        "step": "Steg {n} av {total}",
        "read": "Les av borda",
        "added": "Bord {table} er lagt til ({n} svar).",
        "reported": "{n} bord har levert",
        "none": "Fann ingen QR-kode",
        "not_ours": "ikkje frå eit bordnettbrett",
        "table_number": "Bordnummer",
        "show_code": "Vis QR-koden til kursleiaren",
        "hide": "Gøym styringa",
        "show": "Vis styringa (Escape)",
        "custom": "Eigne minutt",
        "time_up": "Tida er ute",
        "restart": "Start på nytt",
        "nothing": "Bordet har ikkje valt noko enno",
        "talk": "snakk om spørsmålet ved bordet",
    },
}


def settled(page: Any) -> None:
    page.wait_for_function("document.body.dataset.rendered === location.hash")


def at_step(page: Any, lang: str, n: int, total: int) -> None:
    """Wait until the projector shows step ``n`` (the engine answers from its worker)."""
    where = WORDS[lang]["step"].format(n=n, total=total)
    page.locator(".seminar-where", has_text=where).wait_for()
    settled(page)


def tab_to(page: Any, locator: Any, limit: int = 80) -> None:
    """Press Tab until ``locator`` has the focus, as someone with only a keyboard would."""
    locator.wait_for()
    for _ in range(limit):
        if locator.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} never got the focus by Tab")


def shoot(page: Any, name: str, top: bool = False) -> list[Path]:
    """Screenshots of the current screen at each projector size (16:9 and 4:3); ``top``: from
    the top of the page (else where focus has scrolled it)."""
    saved = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        path = SHOTS / f"{name}-{width}x{height}.png"
        if top:
            page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(path))
        saved.append(path)
    page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
    return saved


def plain_html(page: Any) -> str:
    return " ".join(re.sub(r"\s+", " ", page.content()).split())
