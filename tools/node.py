"""Run a Node script at build time: Node builds the site (terser, Workbox, Pyodide compiling the
standard library ahead) and is never needed to run it."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_node(script: Path, *args: str, stdin: str | None = None, what: str) -> str:
    """``node script args…`` from the repository's root; its standard output. ``RuntimeError``
    names ``what`` failed, with everything the script printed, when it exits with an error."""
    done = subprocess.run(
        ["node", str(script), *args],
        input=stdin,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stdout}{done.stderr}")
    return done.stdout
