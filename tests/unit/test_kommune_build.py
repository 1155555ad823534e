"""What a kommune's edition changes in the built site, and that the neutral build stays as it
was: the app's own manifest, style sheet, language, colour and name, and no edition file."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from web.build.site import APP, build

ROOT = Path(__file__).resolve().parents[2]
FJELLVIK = ROOT / "examples" / "fjellvik" / "kommune.toml"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("editions")
    build(base / "neutral")
    build(base / "fjellvik", kommune=FJELLVIK)
    return {"neutral": base / "neutral", "fjellvik": base / "fjellvik"}


def read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def test_the_neutral_build_is_the_apps_own(sites: dict[str, Path]) -> None:
    site = sites["neutral"]
    for name in ("manifest.webmanifest", "style.css"):
        assert read(site, name) == (APP / "static" / name).read_text(encoding="utf-8"), name
    page = read(site, "index.html")
    assert page.startswith('<!doctype html>\n<html lang="nb">')
    assert '<meta name="theme-color" content="#1d3b53">' in page
    assert "<title>Etikk og roller for folkevalgte · Folkevalgt: etikk og roller</title>" in page
    assert (
        '<span class="brand-mark" aria-hidden="true"></span><span>Folkevalgt: etikk og roller</span>'
        in page
    )
    assert "brand-kommune" not in page and "kommunevapen" not in page
    assert 'export const DEFAULT_LANG = "nb";' in read(site, "names.mjs")
    assert not list(site.glob("kommunevapen.*"))
    with zipfile.ZipFile(site / "app.zip") as zf:
        assert "edition.json" not in zf.namelist()
    assert "kommunevapen" not in read(site, "sw.js")


def test_the_kommunes_build_carries_its_name_language_and_colour(sites: dict[str, Path]) -> None:
    site = sites["fjellvik"]
    manifest = json.loads(read(site, "manifest.webmanifest"))
    assert manifest["name"] == "Folkevald: etikk og roller · Fjellvik kommune"
    assert manifest["short_name"] == "Fjellvik"
    assert manifest["lang"] == "nn" and manifest["theme_color"] == "#8b1e3f"
    page = read(site, "index.html")
    assert page.startswith('<!doctype html>\n<html lang="nn">')
    assert '<meta name="theme-color" content="#8b1e3f">' in page
    assert '<meta name="apple-mobile-web-app-title" content="Fjellvik">' in page
    assert "· Folkevald: etikk og roller · Fjellvik kommune</title>" in page
    assert '<img class="brand-arms" src="./kommunevapen.svg" alt=""' in page
    assert read(site, "style.css").endswith(":root { --brand: #8b1e3f; --link: #8b1e3f; }\n")
    assert 'export const DEFAULT_LANG = "nn";' in read(site, "names.mjs")
    svg = (ROOT / "examples" / "fjellvik" / "fjellvik.svg").read_bytes()
    assert (site / "kommunevapen.svg").read_bytes() == svg
    assert '"kommunevapen.svg"' in read(site, "sw.js")  # precached: works offline
    with zipfile.ZipFile(site / "app.zip") as zf:
        edition = json.loads(zf.read("edition.json"))
    assert edition["name"] == "Fjellvik kommune" and edition["gift_limit"] == 500


def test_the_contrast_check_and_the_rewrites_know_the_apps_real_colours() -> None:
    from quiz_engine.content.kommune.fields import SURFACES
    from quiz_engine.site.edition import APP_COLOUR

    css = (APP / "static" / "style.css").read_text(encoding="utf-8")
    assert f"--brand: {APP_COLOUR};" in css
    assert f"--paper: {SURFACES[0]};" in css and f"--card: {SURFACES[1]};" in css
    assert f"background: {SURFACES[2]};" in css  # hovered and chosen buttons
    page = (APP / "templates" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="theme-color" content="{APP_COLOUR}">' in page
    assert '<meta name="apple-mobile-web-app-title" content="Folkevalgt">' in page
    assert json.loads((APP / "static" / "manifest.webmanifest").read_text())["theme_color"] == (
        APP_COLOUR
    )
