// Runs before Python: the prerendered screen is already in the page, so mark it as the
// first real content. No inline script (CSP), so this lives in its own file.
performance.mark("quiz:first-content");
