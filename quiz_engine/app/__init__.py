"""The app: the parts a page is composed of (the quiz, the seminar, the LMS bridge), what they
answer the shell (``Output``), and ``launch``, the worker's one entry point."""

from .app import App
from .effects import Output
from .launch import Prepared, compose, launch, launch_prepared, prepare

__all__ = ["App", "Output", "Prepared", "compose", "launch", "launch_prepared", "prepare"]
