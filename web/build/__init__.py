"""What only builds: ``python -m web.build [--out dist]`` turns ``web/app/`` (what ships), the
engine and the content into the static folder ``dist/``."""

from .pages import prerender
from .site import PRECACHE, build, main

__all__ = ["PRECACHE", "build", "main", "prerender"]
