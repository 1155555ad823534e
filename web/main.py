"""Page entry point, run by PyScript in Pyodide: start the shell (from app.zip)."""

from shell import Shell

Shell().boot()
