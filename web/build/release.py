"""A release a kommune can deploy without Python or Node: python -m web.build.release

Writes ``release/folkevalgt-<version>/`` (the version from ``quiz_engine/base/version.py``):

    folkevalgt-<version>-nettsted.zip     the neutral site: unzip, upload the folder "folkevalgt"
    scorm/<quiz>.zip                      one SCORM 1.2 package per quiz, for Moodle / KS Læring
    scorm/folkevalgt-quiz-scorm12.zip     every quiz in one package
    sporsmalsbank/folkevalgt-<nb|nn>-moodle.xml   the question bank as Moodle XML
    sporsmalsbank/folkevalgt-<nb|nn>-gift.txt     and as GIFT
    CHANGELOG.md                          what changed, version by version
    SHA256SUMS                            check with: sha256sum -c SHA256SUMS

Every file comes from the same build functions as ``make build``, ``make scorm`` and
``python -m quiz_engine export`` (``site.build``, ``scorm.build_packages``, ``export``), so a
release is exactly what those commands make. A version without an entry in CHANGELOG.md is
refused. Zips are written with fixed timestamps and in a fixed order.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from quiz_engine import ContentError, load_content
from quiz_engine.base.names import LANGUAGES
from quiz_engine.base.version import VERSION
from quiz_engine.export import export
from web.build.scorm import build_packages
from web.build.site import ROOT, build

CHANGELOG = ROOT / "CHANGELOG.md"
SITE_FOLDER = "folkevalgt"  # the folder inside the site's zip: the same name every version
BANK = {"moodle-xml": "moodle.xml", "gift": "gift.txt"}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class ReleaseError(Exception):
    """Why no release was made, in words the person making it can act on."""


def changelog_entry(version: str, changelog: Path = CHANGELOG) -> str:
    """The entry for ``version`` (its heading ``## <version> …`` and text); ``ReleaseError``
    when there is none."""
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    found = re.search(rf"^## {re.escape(version)} .*?(?=^## |\Z)", text, re.M | re.S)
    if found is None:
        raise ReleaseError(
            f"{changelog.name} has no entry for version {version}. Add a heading "
            f'"## {version} — <date>" with what changed, then run make release again.'
        )
    return found.group(0)


def zip_folder(folder: Path, target: Path, inside: str) -> None:
    """Zip every file of ``folder`` under ``inside/``, sorted, with fixed timestamps."""
    with zipfile.ZipFile(target, "w") as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = f"{inside}/{path.relative_to(folder).as_posix()}"
            zf.writestr(
                zipfile.ZipInfo(name, _ZIP_TIME), path.read_bytes(), zipfile.ZIP_DEFLATED, 9
            )


def write_checksums(folder: Path) -> Path:
    """``SHA256SUMS`` in the format ``sha256sum -c`` reads: ``<hex>  <path>`` per file."""
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(folder).as_posix()}"
        for path in sorted(p for p in folder.rglob("*") if p.is_file())
    ]
    target = folder / "SHA256SUMS"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def build_release(out: Path, quizzes: tuple[str, ...] = (), version: str = VERSION) -> Path:
    """Write ``out/folkevalgt-<version>/`` (``quizzes`` limits the SCORM packages, for tests);
    return that folder."""
    changelog_entry(version)
    content = load_content([ROOT / "scenarios"])  # bad content stops here, before any file
    folder = out / f"folkevalgt-{version}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / SITE_FOLDER
        build(site)
        zip_folder(site, folder / f"folkevalgt-{version}-nettsted.zip", SITE_FOLDER)
    build_packages(folder / "scorm", quizzes, all_in_one=True)
    bank = folder / "sporsmalsbank"
    bank.mkdir()
    for fmt, suffix in BANK.items():
        for lang in LANGUAGES:
            text = export(content, fmt, lang)
            (bank / f"folkevalgt-{lang}-{suffix}").write_text(text, encoding="utf-8")
    shutil.copyfile(CHANGELOG, folder / CHANGELOG.name)
    write_checksums(folder)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a release folder of ready files.")
    parser.add_argument("--out", type=Path, default=ROOT / "release")
    parser.add_argument("--quizzes", default="", help="SCORM packages for these only (tests)")
    args = parser.parse_args(argv)
    wanted = tuple(q.strip() for q in args.quizzes.split(",") if q.strip())
    try:
        folder = build_release(args.out, wanted)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except (ReleaseError, ValueError) as error:
        print(f"make release: {error}", file=sys.stderr)
        return 2
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        print(f"{path.relative_to(args.out)}  ({path.stat().st_size / 1e6:.2f} MB)")
    print(f"Check the files with: cd {folder} && sha256sum -c SHA256SUMS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
