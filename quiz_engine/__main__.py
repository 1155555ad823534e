"""Command line: ``python -m quiz_engine check [PATH ...]``, ``bundle`` and ``export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .base.bundle import content_to_json
from .base.names import LANGUAGES
from .content.loader import check_content
from .export import FORMATS, export


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quiz_engine")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check content files and print every problem")
    check.add_argument("paths", nargs="*", default=["scenarios"], help="files or folders")
    bundle = commands.add_parser("bundle", help="check content and write the JSON bundle")
    bundle.add_argument("paths", nargs="*", default=["scenarios"])
    bundle.add_argument("--out", required=True, type=Path)
    out = commands.add_parser("export", help="check content and write it for Moodle to stdout")
    out.add_argument("paths", nargs="*", default=["scenarios"])
    out.add_argument("--format", required=True, choices=list(FORMATS), dest="fmt")
    out.add_argument("--lang", required=True, choices=list(LANGUAGES))
    out.add_argument("--quiz", help="the id of one scenario or topic bank (default: all)")
    args = parser.parse_args(argv)

    content, problems = check_content(args.paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    if content is None:
        print(f"{len(problems)} problem(s) found. Nothing was changed.", file=sys.stderr)
        return 1
    questions = sum(len(q.questions) for q in content.quizzes)
    if args.command == "export":
        quiz = content.quiz(args.quiz) if args.quiz is not None else None
        if args.quiz is not None and quiz is None:
            known = ", ".join(q.id for q in content.quizzes)
            print(f'no quiz with the id "{args.quiz}". Known ids: {known}.', file=sys.stderr)
            return 2
        # The bank goes to stdout as UTF-8 whatever the terminal's locale.
        sys.stdout.buffer.write(export(content, args.fmt, args.lang, quiz).encode("utf-8"))
        sys.stdout.flush()
        return 0
    if args.command == "bundle":
        args.out.write_text(content_to_json(content), encoding="utf-8")
    print(f"OK: {len(content.quizzes)} scenarios and topic banks, {questions} questions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
