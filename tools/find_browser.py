"""Find (and with --ensure, install) the browsers the tests drive.

Chromium for Playwright (every browser suite), Firefox ESR and WebKitGTK (the smoke suites
tests/browser/test_firefox_smoke.py and test_webkit_smoke.py; WebKit runs under Xvfb).

Playwright's own browser download (`playwright install`) cannot reach its CDN on our
machines, so we prefer Debian's chromium package and fall back to Playwright's download
only where apt is unavailable (e.g. a developer laptop). Firefox ESR, WebKitWebDriver and
Xvfb come only from Debian's packages (firefox-esr, webkit2gtk-driver, xvfb); elsewhere
install them yourself or the smoke tests skip (fail under CI=true).

    python tools/find_browser.py            # print the Chromium executable, or "playwright-default"
    python tools/find_browser.py --ensure   # install what is missing first (apt-get as root)
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
DEBIAN_FIREFOX = Path("/usr/bin/firefox-esr")
DEBIAN_WEBKIT_WEBDRIVER = Path("/usr/bin/WebKitWebDriver")
DEBIAN_XVFB = Path("/usr/bin/Xvfb")
# WebKitWebDriver starts this browser; it ships with libwebkit2gtk (Debian, Ubuntu; Fedora).
MINIBROWSER_GLOBS = (
    "/usr/lib/*/webkit2gtk-4.*/MiniBrowser",
    "/usr/libexec/webkit2gtk-4.*/MiniBrowser",
)

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


def _found(env_var: str, default: Path, *names: str) -> str | None:
    """The env override if it names a file, else the Debian path, else a name on PATH."""
    override = os.environ.get(env_var)
    if override:
        return override if Path(override).is_file() else None
    if default.is_file():
        return str(default)
    for name in names:
        on_path = shutil.which(name)
        if on_path:
            return on_path
    return None


def firefox_executable() -> str | None:
    """Firefox (ESR) for tests/browser/firefox_smoke.mjs; FIREFOX_PATH overrides."""
    return _found("FIREFOX_PATH", DEBIAN_FIREFOX, "firefox-esr", "firefox")


def webkit_webdriver_executable() -> str | None:
    """WebKitGTK's WebDriver server; WEBKIT_WEBDRIVER_PATH overrides."""
    return _found("WEBKIT_WEBDRIVER_PATH", DEBIAN_WEBKIT_WEBDRIVER, "WebKitWebDriver")


def minibrowser_executable() -> str | None:
    """The WebKitGTK browser that WebKitWebDriver launches."""
    for pattern in MINIBROWSER_GLOBS:
        found = sorted(glob.glob(pattern))
        if found:
            return found[-1]
    return None


def xvfb_executable() -> str | None:
    return _found("XVFB_PATH", DEBIAN_XVFB, "Xvfb")


def missing_debian_packages() -> list[str]:
    """Debian packages that would supply the browsers not found on this machine."""
    missing = []
    if chromium_executable() is None:
        missing.append("chromium")
    if firefox_executable() is None:
        missing.append("firefox-esr")
    if webkit_webdriver_executable() is None or minibrowser_executable() is None:
        missing.append("webkit2gtk-driver")  # depends on libwebkit2gtk, which has MiniBrowser
    if xvfb_executable() is None:
        missing.append("xvfb")
    # Not a browser: the print test reads Chromium's PDF back with poppler's tools.
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        missing.append("poppler-utils")
    return missing


def chromium_args() -> list[str]:
    """Launch arguments for Chromium under Playwright."""
    # Chromium refuses to start its sandbox as root (containers, CI); as a normal user keep it.
    return (["--no-sandbox"] if _is_root() else []) + list(_COMMON_ARGS)


def ensure_browsers() -> str | None:
    """Install what is missing, then return chromium_executable() (None: Playwright's own).

    As root with apt-get: one `apt-get update`, then chromium as before (with its
    recommends) and the other suites' packages (firefox-esr, webkit2gtk-driver, xvfb,
    poppler-utils for the print test) without recommends, each only if missing. Otherwise
    Chromium comes from `playwright install chromium` and the others are only reported on
    stderr.
    """
    missing = missing_debian_packages()
    if missing and _is_root() and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq"]
        others = [name for name in missing if name != "chromium"]
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        if "chromium" in missing:
            subprocess.run([*install, "chromium"], check=True, env=env)
        if others:
            subprocess.run([*install, "--no-install-recommends", *others], check=True, env=env)
        return chromium_executable() or str(DEBIAN_CHROMIUM)
    others = [name for name in missing if name != "chromium"]
    if others:
        print(
            f"not installed: {', '.join(others)} (Debian package names); "
            "the Firefox/WebKit smoke tests (and, without poppler-utils, the print test) will skip",
            file=sys.stderr,
        )
    found = chromium_executable()
    if found:
        return found
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ensure", action="store_true", help="install missing browsers")
    args = parser.parse_args(argv)
    exe = ensure_browsers() if args.ensure else chromium_executable()
    print(exe or "playwright-default")
    return 0


if __name__ == "__main__":
    sys.exit(main())
