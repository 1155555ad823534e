"""Build the static site: python -m web.build [--out dist] [--kommune kommune.toml]

The build itself is a pure function, ``quiz_engine.site.build_site`` (the kit and a kommune's
settings in, the site's files out), which the editor runs in the browser too. Here is the
command line's side: gather the kit from the repository (``kit.py``), read the kommune's
settings and its own quizzes from disk, and write what the build returns into ``dist/``. All
URLs in it are relative, so it can be served from any sub-path of any static host.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from quiz_engine import Content, ContentError
from quiz_engine.content import kommune as settings_file
from quiz_engine.content.loader import content_files, read_toml
from quiz_engine.site import PRECACHE, SEMINAR_ON_DEMAND, build_site
from quiz_engine.site.content import edition_content as site_content
from web.build.kit import app_content, gather_kit

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "web" / "app"  # what ships
BUILD = ROOT / "web" / "build"  # what only builds

__all__ = ["PRECACHE", "SEMINAR_ON_DEMAND", "build", "edition_content", "main"]


def read_edition(
    kommune: Path | None,
) -> tuple[settings_file.Settings | None, dict[str, bytes]]:
    """The kommune's checked settings (``None`` for the neutral edition) and its own quiz files
    by the names problems give (relative to the working folder, as the content checker has it)."""
    if kommune is None:
        return None, {}
    settings = settings_file.read_settings(kommune)
    if not settings.extra:
        return settings, {}
    files, problems = content_files([kommune.parent / settings.extra])
    if problems:
        raise ContentError(problems)
    return settings, {read_toml(p)[0].file: p.read_bytes() for p in files}


def edition_content(
    content_dir: Path, kommune: Path | None
) -> tuple[settings_file.Settings | None, Content]:
    """The kommune's checked settings (``None`` for the neutral edition) and its content: ours
    and its own quizzes, placeholders filled in with its settings, the quizzes it shows."""
    settings, own = read_edition(kommune)
    app = app_content(content_dir)
    return settings, site_content({f"scenarios/{n}": d for n, d in app.items()}, settings, own)


def build(
    out: Path,
    content_dir: Path = ROOT / "scenarios",
    kommune: Path | None = None,
    quizzes: tuple[str, ...] = (),
    lms: bool = False,
) -> None:
    """Build the site into ``out``: the neutral edition, or ``kommune``'s; ``quizzes`` keeps only
    those (all when empty); ``lms`` prerenders the privacy texts of a SCORM package
    (web/build/scorm.py)."""
    # Bad content or settings fail the build, never the councillor's tablet.
    settings, own = read_edition(kommune)
    files = build_site(
        gather_kit(content_dir.resolve(), lms), settings, own, quizzes=quizzes, lms=lms
    )
    out = out.resolve()
    if out in (ROOT, *ROOT.parents):
        raise ValueError(f"refusing to wipe {out}")
    shutil.rmtree(out, ignore_errors=True)
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the static site.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--content", type=Path, default=ROOT / "scenarios")
    parser.add_argument(
        "--kommune", type=Path, default=None, help="a kommune's settings file (docs/kommune.md)"
    )
    args = parser.parse_args(argv)
    try:
        build(args.out, args.content, args.kommune)
    except ContentError as error:
        print(error, file=sys.stderr)
        where = "the settings" if error.file.endswith("kommune.toml") else "the content"
        print(
            f"{len(error.problems)} problem(s) in {where}. Nothing was built.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
