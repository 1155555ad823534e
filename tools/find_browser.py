"""Find (and with --ensure, install) a Chromium for Playwright.

Playwright's own browser download (`playwright install`) cannot reach its CDN on our
machines, so we prefer Debian's chromium package and fall back to Playwright's download
only where apt is unavailable (e.g. a developer laptop).

    python tools/find_browser.py            # print the executable, or "playwright-default"
    python tools/find_browser.py --ensure   # install one first if none is found
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")

# Without the networking flags Chromium keeps dialling Google services, which a closed
# network refuses noisily; --disable-quic keeps localhost traffic on plain HTTP.
_COMMON_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-gpu",
]


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def chromium_executable() -> str | None:
    """Return the Chromium to launch, or None for "Playwright's bundled browser".

    Only detects; never installs. CHROMIUM_PATH wins so anyone can point at their own build.
    """
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        if not Path(override).is_file():
            raise FileNotFoundError(f"CHROMIUM_PATH={override!r} is not a file")
        return override
    if DEBIAN_CHROMIUM.is_file():
        return str(DEBIAN_CHROMIUM)
    return None


def chromium_args() -> list[str]:
    """Launch arguments for Chromium under Playwright."""
    # Chromium refuses to start its sandbox as root (containers, CI); as a normal user keep it.
    return (["--no-sandbox"] if _is_root() else []) + list(_COMMON_ARGS)


def ensure_chromium() -> str | None:
    """Like chromium_executable(), but install a browser first when none is found."""
    found = chromium_executable()
    if found:
        return found
    if _is_root() and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
        return str(DEBIAN_CHROMIUM)
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ensure", action="store_true", help="install Chromium if missing")
    args = parser.parse_args(argv)
    exe = ensure_chromium() if args.ensure else chromium_executable()
    print(exe or "playwright-default")
    return 0


if __name__ == "__main__":
    sys.exit(main())
