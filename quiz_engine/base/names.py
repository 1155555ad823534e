"""Names the engine, the build and the browser share: one source, written into names.mjs.

``web/build.py`` writes these into ``dist/names.mjs`` for the JavaScript side, so the storage
prefix or the default language is never spelt twice.
"""

from __future__ import annotations

APP_ID = "folkevalgt-quiz"
# Every localStorage key of the app starts with this ("v1": the layout of the keys).
STORAGE_PREFIX = f"{APP_ID}:v1:"
# The IndexedDB database that keeps the device-made start-up snapshot.
SNAPSHOT_DB = f"{APP_ID}-snapshot"
DEFAULT_LANG = "nb"
# An embedding parent page and the app speak H5P's iframe-resizer protocol (h5p-resizer.js):
# every message is {context: "h5p", action, ...heights}. See web/app/static/embed.js.
RESIZER_CONTEXT = "h5p"
LANGUAGES = ("nb", "nn")
# Records the shell itself writes or asks about (every other record is the engine's to write).
PENDING_DRAFT = "pending-draft"  # text typed just before the page closed, kept by the shell
# Notices the shell asks the engine to show (their texts are in the catalogues).
STORAGE_NOTICE = "shell.storage_off"
UPDATE_NOTICE = "shell.update_ready"
# The LMS: not reached at launch (nothing will be recorded), or not taking the values yet.
LMS_OFF_NOTICE = "shell.lms_off"
LMS_WAITING_NOTICE = "shell.lms_waiting"
STORAGE_FULL_NOTICE = "shell.storage_full"  # storage full at start: what is there is read
# The seminar's records: the room's session and a table tablet's sheet.
SEMINAR_KEY = "seminar:"
TABLE_KEY = "seminar-table:"

# The editor's own records (redaktor/): apart from the app's, which the app reads at start-up.
EDITOR_PREFIX = f"{APP_ID}-redaktor:v1:"

# What only builds, inside quiz_engine/: never in app.zip, never in the start-up snapshot.
# The editor (redaktor/) ships in a zip of its own.
BUILD_ONLY = ("content", "export", "site", "editor", "__main__.py")

SHARED: dict[str, object] = {
    "APP_ID": APP_ID,
    "STORAGE_PREFIX": STORAGE_PREFIX,
    "SNAPSHOT_DB": SNAPSHOT_DB,
    "DEFAULT_LANG": DEFAULT_LANG,
    "RESIZER_CONTEXT": RESIZER_CONTEXT,
    "LANGUAGES": LANGUAGES,
    "PENDING_DRAFT": PENDING_DRAFT,
    "STORAGE_NOTICE": STORAGE_NOTICE,
    "UPDATE_NOTICE": UPDATE_NOTICE,
    "LMS_OFF_NOTICE": LMS_OFF_NOTICE,
    "LMS_WAITING_NOTICE": LMS_WAITING_NOTICE,
    "STORAGE_FULL_NOTICE": STORAGE_FULL_NOTICE,
    "SEMINAR_KEY": SEMINAR_KEY,
    "TABLE_KEY": TABLE_KEY,
}
