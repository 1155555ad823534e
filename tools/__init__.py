"""Build, serve and test helpers (not shipped to the browser)."""
