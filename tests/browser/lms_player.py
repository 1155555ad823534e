"""A Moodle-like LMS for the browser tests: scorm-again (pinned in package.json) in a player page
that frames an unpacked SCORM package from Moodle's content path, served with the types Moodle
gives our files. The player records what the SCO calls and sets:

- ``window.calls``: LMSInitialize, LMSCommit and LMSFinish, in order;
- ``window.set`` (the last value per element) and ``window.sets`` (every call, in order);
- ``window.committed``: ``window.set`` as it was at the last commit. The app sets a report's
  values one call per task and commits after the last, so a test waits on this, not on a value;
- ``window.longest``: the longest ``cmi.suspend_data`` set.

``window.kept`` (set by an init script) is what the LMS kept from earlier attempts, and
``window.tweak(api)``, if defined, may replace the API's calls (a slow or failing LMS).
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTENT_PATH = "pluginfile.php/1/mod_scorm/content/1/"
MOODLE_TYPES = {
    ".wasm": "application/octet-stream",
    ".mjs": "document/unknown",
    ".py": "document/unknown",
    ".webmanifest": "document/unknown",
}

_RECORDER = """<!doctype html><html lang="nb"><title>Moodle: SCORM-pakke</title>
<script src="lib/scorm12.min.js"></script>
<script>
  // A fresh LMS attempt each time the player opens, with what the LMS kept (window.kept).
  window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  window.API.loadFromFlattenedJSON(window.kept || {});
  window.calls = [];
  window.set = {};
  window.sets = [];
  window.committed = {};
  window.longest = 0;
  for (const name of ["LMSInitialize", "LMSCommit", "LMSFinish"]) {
    window.API.on(name, () => window.calls.push(name));
  }
  window.API.on("LMSCommit", () => { window.committed = { ...window.set }; });
  window.API.on("LMSSetValue.cmi.*", (element, value) => {
    window.set[element] = value;
    window.sets.push([element, value]);
    if (element === "cmi.suspend_data") window.longest = Math.max(window.longest, value.length);
  });
  if (window.tweak) window.tweak(window.API);
</script>
"""


def player(sco: str, content: str = CONTENT_PATH) -> str:
    """The player page framing the package's ``sco`` from ``content`` (Moodle's path)."""
    return (
        _RECORDER
        + f'<iframe title="Kurs" src="{content}index.html?sco={sco}" width="1000" height="800">'
        + "</iframe>\n"
    )


def add_scorm_again(site: Path) -> None:
    """scorm-again's SCORM 1.2 API where the player loads it (``lib/``)."""
    (site / "lib").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "node_modules/scorm-again/dist/scorm12.min.js", site / "lib")
