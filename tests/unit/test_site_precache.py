"""The precache list Workbox computed in Node is computed in Python: its patterns match as a
shell glob does, and a pattern that matches nothing stops the build, as Workbox's warning did."""

from __future__ import annotations

import hashlib

import pytest

from quiz_engine.site.precache import glob, precache_manifest

FILES = {
    "index.html": b"<!doctype html>",
    "pyodide/pyodide.mjs": b"a",
    "pyodide/sub/x.js": b"b",
    "pyscript/core-1.js": b"c",
    "pyscript/error-2.js": b"d",
    "pyscript/toml-3.js": b"e",
}


def test_a_star_stays_in_its_folder_and_braces_give_choices() -> None:
    assert glob(FILES, "pyodide/*") == ["pyodide/pyodide.mjs"]
    assert glob(FILES, "pyscript/{core,error}-*.js") == [
        "pyscript/core-1.js",
        "pyscript/error-2.js",
    ]


def test_the_manifest_has_each_file_once_with_the_md5_of_its_bytes() -> None:
    manifest = precache_manifest(FILES, ["index.html", "pyscript/*", "pyscript/core-*.js"])
    assert [entry["url"] for entry in manifest] == [
        "index.html",
        "pyscript/core-1.js",
        "pyscript/error-2.js",
        "pyscript/toml-3.js",
    ]
    assert manifest[0]["revision"] == hashlib.md5(b"<!doctype html>").hexdigest()


def test_a_pattern_that_matches_nothing_stops_the_build() -> None:
    with pytest.raises(ValueError, match="'vendor/\\*' matches no file"):
        precache_manifest(FILES, ["index.html", "vendor/*"])
