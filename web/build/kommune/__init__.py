"""A kommune's edition at build time: ``python -m web.build --kommune path/to/kommune.toml``.

``read_settings`` checks the settings file into an ``Edition`` (``quiz_engine.base.edition``);
``site_files`` (``output.py``) turns it into what the built site holds.
"""

from . import output
from .fields import KEYS
from .settings import Settings, check_show, read_settings

__all__ = ["KEYS", "Settings", "check_show", "output", "read_settings"]
