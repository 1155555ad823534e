"""What a kommune's edition changes in the built site (``output.py``). Its settings are read
and checked in ``quiz_engine/content/kommune/``, where the editor can run them too."""

from . import output

__all__ = ["output"]
