"""A kommune's settings file is checked like content: data-driven from
tests/data/invalid/kommune/<case>/ (kommune.toml and what the build must say, kommune.expected),
and the example edition in examples/fjellvik/ reads into the edition it describes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz_engine import ContentError
from quiz_engine.base.edition import Contact, edition_from_json, edition_to_json
from quiz_engine.content.kommune import UnsafeImage, check_image, contrast, read_settings, shown
from web.build.site import edition_content

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
FJELLVIK = ROOT / "examples" / "fjellvik" / "kommune.toml"
CASES = sorted(p for p in (ROOT / "tests/data/invalid/kommune").iterdir() if p.is_dir())


def test_there_are_refusal_cases() -> None:
    assert len(CASES) >= 20
    assert all((case / "kommune.expected").is_file() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_refusal_gives_its_exact_message(case: Path) -> None:
    expected = (case / "kommune.expected").read_text(encoding="utf-8").splitlines()
    with pytest.raises(ContentError) as caught:
        edition_content(SCENARIOS, case / "kommune.toml")
    assert [str(p) for p in caught.value.problems] == expected


def test_a_missing_settings_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        read_settings(tmp_path / "kommune.toml")
    assert caught.value.message == "there is no such file."


def test_the_example_edition_reads_as_written() -> None:
    settings = read_settings(FJELLVIK)
    edition = settings.edition
    assert edition.name == "Fjellvik kommune" and edition.short_name == "Fjellvik"
    assert edition.default_lang == "nn" and edition.primary == "#8b1e3f"
    assert edition.coat_of_arms == "kommunevapen.svg" and settings.coat_of_arms is not None
    assert edition.gift_limit == 500
    assert edition.contacts["hets"] == Contact(
        "Politisk sekretariat", "77 12 34 56", "politikk@fjellvik.kommune.no"
    )
    assert list(edition.contacts) == ["hets", "habilitet", "varsling", "personvern"]
    assert set(edition.links) == {"ethics", "social_media", "reglement"}
    assert edition_from_json(edition_to_json(edition)) == edition


def test_show_picks_and_orders_the_quizzes_and_extra_adds_the_kommunes_own() -> None:
    _, content = edition_content(SCENARIOS, FJELLVIK)
    assert [q.id for q in content.quizzes] == [
        "lillevik",
        "fjellvik-ferjekaia",
        "gaver",
        "habilitet",
        "hets",
    ]
    ferje = content.quiz("fjellvik-ferjekaia")
    assert ferje is not None
    assert ferje.intro.nn.startswith("Du sit i formannskapet i Fjellvik kommune.")


def test_the_settings_fill_the_placeholders_in_our_content() -> None:
    _, content = edition_content(SCENARIOS, FJELLVIK)
    gaver = content.quiz("gaver")
    assert gaver is not None
    question = next(q for q in gaver.questions if q.id == "gaver-nasjonal-grense")
    assert "I Fjellvik kommune er beløpsgrensen for gaver 500 kroner." in question.explanation.nb
    assert "I Fjellvik kommune er beløpsgrensa for gåver 500 kroner." in question.explanation.nn
    hets = content.quiz("hets")
    assert hets is not None
    assert hets.intro.nn.endswith(
        "I Fjellvik kommune kan du seie frå om hets og truslar til Politisk sekretariat "
        "(77 12 34 56, politikk@fjellvik.kommune.no)."
    )


def test_contrast_follows_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert shown(4.499) == "4.4:1"  # never rounded up to the limit


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
            'has a link to another file or address (href="javascript:alert(1)") (line 1)',
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style></svg>',
            "has a style that loads another file or address (line 1)",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://x.org/p)"/></svg>',
            'has a reference to another file or address in fill="…" (line 1)',
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
            "has a <foreignObject> element (line 1)",
        ),
        (
            b'<?xml-stylesheet href="x.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
            "has a processing instruction <?xml-stylesheet …?> (line 1)",
        ),
        (
            b'<html xmlns="http://www.w3.org/1999/xhtml"/>',
            "has <html> as its first element, not an SVG <svg> (line 1)",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><h:script xmlns:h="http://www.w3.org/1999/xhtml"/></svg>',
            "has a <script> element (line 1)",
        ),
    ],
)
def test_unsafe_svg_is_refused(svg: bytes, message: str) -> None:
    with pytest.raises(UnsafeImage) as caught:
        check_image("vapen.svg", svg)
    assert str(caught.value) == message


def test_a_plain_svg_with_local_references_and_inkscape_namespaces_passes() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        b' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd">'
        b'<defs><linearGradient id="g"/></defs><sodipodi:namedview/>'
        b'<rect fill="url(#g)"/><use xlink:href="#g"/></svg>'
    )
    check_image("vapen.svg", svg)
    check_image("vapen.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20)


def test_the_build_refuses_bad_settings_and_builds_nothing(tmp_path: Path) -> None:
    case = ROOT / "tests/data/invalid/kommune/contrast_white_text"
    out = tmp_path / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "web.build",
            "--out",
            str(out),
            "--kommune",
            str(case / "kommune.toml"),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    expected = (case / "kommune.expected").read_text(encoding="utf-8")
    assert done.stderr == expected + "1 problem(s) in the settings. Nothing was built.\n"
    assert not out.exists()
