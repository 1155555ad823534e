"""The build is one pure function (``quiz_engine.site.build_site``) that the command line and the
editor both run. The Fjellvik example built both ways gives the same site, file by file: the
command line's way (``web.build.build``: the kit gathered from the repository, the settings read
from disk), and the editor's (the kit taken from a built neutral site's own files as
``redaktor/byggesett.json`` lists them, the settings checked from text and chosen files)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from quiz_engine.content.kommune import Files, check_settings
from quiz_engine.site import LISTING, build_site, kit_from_site
from web.build.kit import gather_kit
from web.build.site import build

ROOT = Path(__file__).resolve().parents[2]
FJELLVIK = ROOT / "examples" / "fjellvik"

# What may differ between the two ways, and why. Nothing: both run the same function on the
# same bytes, so every file, the zips included, must be byte for byte the same. (In the browser
# Pyodide's zlib and liblzma write app.zip; should their versions compress differently, only the
# zip's bytes would differ, not what it holds. This test runs both ways on CPython.)
MAY_DIFFER: dict[str, str] = {}


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def as_the_editor_gets_it(site: Path) -> dict[str, bytes]:
    """The kit from a built site: the files its listing names, fetched as the editor does."""
    names = json.loads((site / LISTING).read_bytes())["files"]
    return kit_from_site({name: (site / name).read_bytes() for name in names})


def chosen_files(folder: Path) -> Files:
    """What the edition form holds: the files chosen beside the settings, by relative name."""
    found = list(folder.rglob("*"))
    return Files(
        {p.relative_to(folder).as_posix(): p.read_bytes() for p in found if p.is_file()},
        {p.relative_to(folder).as_posix() for p in found if p.is_dir()},
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("both-ways")
    build(base / "neutral")
    build(base / "fjellvik", kommune=FJELLVIK / "kommune.toml")
    return {"neutral": base / "neutral", "fjellvik": base / "fjellvik"}


def editors_fjellvik(kit: dict[str, bytes]) -> dict[str, bytes]:
    text = (FJELLVIK / "kommune.toml").read_text(encoding="utf-8")
    settings = check_settings("examples/fjellvik/kommune.toml", text, chosen_files(FJELLVIK))
    own = {
        f"examples/fjellvik/scenarios/{p.name}": p.read_bytes()
        for p in sorted((FJELLVIK / "scenarios").glob("*.toml"))
    }
    return build_site(kit, settings, own)


def test_fjellvik_built_in_the_editor_is_the_command_lines_site(sites: dict[str, Path]) -> None:
    by_command_line = files_of(sites["fjellvik"])
    in_the_editor = editors_fjellvik(as_the_editor_gets_it(sites["neutral"]))
    assert sorted(in_the_editor) == sorted(by_command_line)
    differ = sorted(n for n in in_the_editor if in_the_editor[n] != by_command_line[n])
    assert differ == sorted(MAY_DIFFER)
    assert len(by_command_line) > 100 and "kommunevapen.svg" in by_command_line


def test_the_kit_in_a_built_site_is_the_kit_the_command_line_gathers(
    sites: dict[str, Path],
) -> None:
    assert as_the_editor_gets_it(sites["neutral"]) == gather_kit((ROOT / "scenarios").resolve())


def test_a_kommunes_site_carries_the_neutral_kit_too(sites: dict[str, Path]) -> None:
    """What an edition rewrites (the style sheet, the manifest, the page) is not taken from the
    site: an edition's own copy of the editor builds any other edition, the neutral one too."""
    from_fjellvik = build_site(as_the_editor_gets_it(sites["fjellvik"]))
    assert from_fjellvik == files_of(sites["neutral"])


def test_the_precache_is_workboxs_manifest_of_the_built_files(sites: dict[str, Path]) -> None:
    site = sites["fjellvik"]
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert "__WB_MANIFEST" not in sw and 'importScripts("sw-fetch.js")' in sw
    found = re.search(r"precache\(\w+\)\}\((\[\{.*?\}\])\)", sw)
    assert found, "the manifest is where Workbox's precacheAndRoute takes it"
    manifest = json.loads(found.group(1))
    urls = [entry["url"] for entry in manifest]
    assert urls[:3] == ["index.html", "start.mjs", "runtime.mjs"]
    assert "kommunevapen.svg" in urls and "pyodide/pyodide.asm.wasm" in urls
    assert not [u for u in urls if u.startswith("redaktor/")] and len(set(urls)) == len(urls)
    for entry in manifest:
        data = (site / entry["url"]).read_bytes()
        assert entry["revision"] == hashlib.md5(data, usedforsecurity=False).hexdigest()


def test_the_editor_keeps_every_file_an_edition_is_built_from(sites: dict[str, Path]) -> None:
    """ "Last ned ferdig utgave" works offline after one visit: the editor's service worker keeps
    each file the kit listing names (the browser test builds Fjellvik with the network off)."""
    site = sites["neutral"]
    sw = (site / "redaktor" / "sw.js").read_text(encoding="utf-8")
    kept = json.loads(re.search(r"const FILES = (\[.*?\]);", sw).group(1))  # type: ignore[union-attr]
    paths = {(site / "redaktor" / name).resolve() for name in kept if name != "./"}
    listed = json.loads((site / LISTING).read_bytes())["files"]
    assert {(site / name).resolve() for name in listed} <= paths
    assert all(path.is_file() for path in paths) and len(set(kept)) == len(kept)
