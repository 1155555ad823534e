"""The quiz editor (``redaktor/``): opening a quiz, editing it in forms that fit the content
model, checked as typed by the content checker itself, previewed by the app itself, saved as
TOML (written by tomli-w). Build and editor only: the councillor's page never holds it.

Layers: it uses ``content`` (reading and checking), ``app`` (the preview is the app, composed on
the draft), ``views`` and below; nothing imports it but the editor's worker.
"""

from .app import Editor
from .effects import EditorOutput
from .launch import launch

__all__ = ["Editor", "EditorOutput", "launch"]
