"""The static site built as a pure function (``build_site``: the kit and a kommune's settings
in, ``{site path: bytes}`` out), which the command line and the editor both run. Build and
editor only: the app never imports this package (its modules are not in ``app.zip``)."""

from .build import build_site
from .kit import LISTING, kit_from_site
from .precache import PRECACHE, SEMINAR_ON_DEMAND

__all__ = ["LISTING", "PRECACHE", "SEMINAR_ON_DEMAND", "build_site", "kit_from_site"]
