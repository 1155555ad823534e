"""The README's deployment section cannot go stale: its table of packages gives every quiz with
its title and the pass mark a course sets as Moodle's "Grade to pass", and the files it tells
each reader to take are the ones ``make release`` writes."""

from __future__ import annotations

import re
from pathlib import Path

from quiz_engine import Content, load_content
from web.build.release import BANK, SITE_FOLDER
from web.build.scorm import PACKAGE

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
HEADER = "| package | title (the activity's name) | Grade to pass |"


def test_the_grade_to_pass_table_lists_every_quiz_with_its_pass_mark() -> None:
    content: Content = load_content([ROOT / "scenarios"])
    table = README[README.index(HEADER) :].split("\n\n", 1)[0].splitlines()[2:]
    rows = [tuple(cell.strip() for cell in line.strip("|").split("|")) for line in table]
    assert rows == [(f"`scorm/{q.id}.zip`", q.title.nb, str(q.pass_mark)) for q in content.quizzes]


def test_the_files_named_for_each_reader_are_the_releases() -> None:
    deploying = README[README.index("## Deploying") : README.index("## Supported browsers")]
    for reader in ("For the intranet editor", "For the LMS administrator", "For IT"):
        assert f"### {reader}" in deploying
    named = set(
        re.findall(r"`((?:scorm|sporsmalsbank)/[^`]+|folkevalgt-<version>[^`]*)`", deploying)
    )
    expected = {
        "folkevalgt-<version>-nettsted.zip",
        "folkevalgt-<version>/",
        "scorm/<quiz>.zip",
        f"scorm/{PACKAGE}",
        *(
            f"sporsmalsbank/folkevalgt-{lang}-{suffix}"
            for lang in ("nb", "nn")
            for suffix in BANK.values()
        ),
    }
    assert expected <= named
    assert f"one folder, `{SITE_FOLDER}`" in deploying
