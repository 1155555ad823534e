"""The pure build in Pyodide, as the editor runs it, against the command line's build.

    python bench/site_in_pyodide.py [--kommune examples/fjellvik/kommune.toml]

Builds the kommune's edition twice: with ``make build KOMMUNE=…``'s code on CPython, and in
Pyodide under Node (``site_in_pyodide.mjs``: the editor's own standard library and zip, the kit
taken from the built neutral ``dist/``, the settings checked from text and chosen files). Prints
how long the build took in Pyodide and which files differ (none expected: Pyodide's zlib and
liblzma write the same zips). Needs ``make build`` first.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from web.build.site import build  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kommune", type=Path, default=ROOT / "examples/fjellvik/kommune.toml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site, kommune=args.kommune.resolve())
        cli = {
            p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in site.rglob("*")
            if p.is_file()
        }
        out = Path(folder) / "pyodide.json"
        subprocess.run(
            [
                "node",
                str(ROOT / "bench/site_in_pyodide.mjs"),
                str(ROOT / "dist"),
                str(args.kommune.resolve().parent),
                str(out),
            ],
            check=True,
        )
        result = json.loads(out.read_text(encoding="utf-8"))
    files = result["files"]
    differ = sorted(n for n in set(files) | set(cli) if files.get(n) != cli.get(n))
    print(f"built in Pyodide: {len(files)} files in {result['seconds']:.1f} s")
    print(f"files that differ from the command line's build: {differ or 'none'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
