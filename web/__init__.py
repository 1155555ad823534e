"""Browser front end: web/build.py turns it into a static dist/ folder."""
