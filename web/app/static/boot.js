// Runs before Python: the prerendered screen is already in the page, so mark it as the
// first real content. No inline script (CSP), so this lives in its own file.
performance.mark("quiz:first-content");

// "Hopp til innholdet" moves focus to the content and leaves the address alone: the address
// is the app's route (#/s/…), where "#main" would be read as a page that does not exist. Here,
// not in the shell, so that it works on the prerendered page before Python is ready too.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
  if (link === null) return;
  event.preventDefault();
  document.getElementById("main")?.focus();
});
