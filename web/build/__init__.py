"""What only builds: ``python -m web.build [--out dist]`` gathers the kit (``kit.py``: the run
time, templates, content, engine) and writes what the pure build ``quiz_engine.site.build_site``
makes of it into the static folder ``dist/``."""

from .site import PRECACHE, build, main

__all__ = ["PRECACHE", "build", "main"]
