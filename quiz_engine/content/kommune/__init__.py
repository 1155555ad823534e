"""A kommune's settings file (kommune.toml, docs/kommune.md), read and checked like content.

``read_settings`` (a file on disk) and ``check_settings`` (TOML text and the files chosen beside
it, as the editor holds them) check it into ``Settings``: an ``Edition``
(``quiz_engine.base.edition``) and what the build still needs (the coat of arms' bytes, the quiz
order, the folder of the kommune's own quizzes). Build, command line and editor only, as the rest
of ``content/``.
"""

from .contrast import contrast, shown
from .fields import KEYS
from .images import UnsafeImage, check_image
from .nearby import Files, Folder, Nearby
from .settings import ARMS_NAME, Settings, check_settings, check_show, read_settings

__all__ = [
    "ARMS_NAME",
    "KEYS",
    "Files",
    "Folder",
    "Nearby",
    "Settings",
    "UnsafeImage",
    "check_image",
    "check_settings",
    "check_show",
    "contrast",
    "read_settings",
    "shown",
]
