"""``make release``: a versioned folder of ready files, built from the working tree into a temp
folder (never into the tree), whose checksums ``sha256sum -c`` verifies. SCORM packages for one
quiz only, to keep the test short; the site and the question bank are whole."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from quiz_engine.base.version import VERSION
from web.build.release import ReleaseError, build_release, changelog_entry

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree_before = _tree_status()
    folder = build_release(tmp_path_factory.mktemp("release"), ("lillevik",))
    assert _tree_status() == tree_before  # nothing written into the working tree
    return folder


def _tree_status() -> str:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return ""
    done = subprocess.run(
        [git, "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_the_release_folder_holds_the_ready_files_named_by_version(release: Path) -> None:
    assert release.name == f"folkevalgt-{VERSION}"
    files = sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file())
    assert files == [
        "CHANGELOG.md",
        "SHA256SUMS",
        f"folkevalgt-{VERSION}-nettsted.zip",
        "scorm/folkevalgt-quiz-scorm12.zip",
        "scorm/lillevik.zip",
        "sporsmalsbank/folkevalgt-nb-gift.txt",
        "sporsmalsbank/folkevalgt-nb-moodle.xml",
        "sporsmalsbank/folkevalgt-nn-gift.txt",
        "sporsmalsbank/folkevalgt-nn-moodle.xml",
    ]
    # The site: one folder to upload, the neutral edition, with its service worker.
    with zipfile.ZipFile(release / f"folkevalgt-{VERSION}-nettsted.zip") as zf:
        names = zf.namelist()
        index = zf.read("folkevalgt/index.html").decode("utf-8")
    assert {n.split("/")[0] for n in names} == {"folkevalgt"}
    assert {"folkevalgt/sw.js", "folkevalgt/web.config", "folkevalgt/embed.js"} <= set(names)
    assert "Fjellvik" not in index and '<html lang="nb">' in index
    bank = (release / "sporsmalsbank/folkevalgt-nn-moodle.xml").read_text(encoding="utf-8")
    assert bank.startswith("<?xml") and 'format="html"' in bank
    assert (release / "CHANGELOG.md").read_text(encoding="utf-8").count(f"## {VERSION} ") == 1


def test_sha256sum_verifies_every_file(release: Path) -> None:
    lines = (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in lines}
    for name, digest in listed.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest
    assert len(listed) == sum(1 for p in release.rglob("*") if p.is_file()) - 1
    tool = shutil.which("sha256sum")
    assert tool is not None, "coreutils' sha256sum is needed to check a release as a reader would"
    done = subprocess.run([tool, "-c", "SHA256SUMS"], cwd=release, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK") == len(listed)
    # A changed byte is caught.
    victim = release / "sporsmalsbank/folkevalgt-nb-gift.txt"
    original = victim.read_bytes()
    try:
        victim.write_bytes(original + b"\n")
        failed = subprocess.run([tool, "-c", "SHA256SUMS"], cwd=release, capture_output=True)
        assert failed.returncode != 0
    finally:
        victim.write_bytes(original)


def test_a_version_without_a_changelog_entry_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReleaseError) as caught:
        build_release(tmp_path, ("lillevik",), version="99.0.0")
    assert str(caught.value) == (
        "CHANGELOG.md has no entry for version 99.0.0. Add a heading "
        '"## 99.0.0 — <date>" with what changed, then run make release again.'
    )
    assert list(tmp_path.iterdir()) == []
    assert changelog_entry(VERSION).startswith(f"## {VERSION} ")
