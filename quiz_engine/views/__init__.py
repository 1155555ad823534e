"""Pure view functions: content and state in, escaped HTML out. Used at build time and live."""
