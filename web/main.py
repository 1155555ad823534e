"""Page entry point, run by PyScript in Pyodide: start the shell (from app.zip)."""

from pyscript import window

try:
    from shell import Shell

    Shell().boot()
except Exception as error:
    # Show the councillor a message in Norwegian instead of loading for ever (start.mjs).
    window.dispatchEvent(window.CustomEvent.new("quiz-boot-failed", detail=str(error)))
    raise
