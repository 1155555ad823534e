// Runs before Python: the prerendered screen is already in the page, so mark it as the
// first real content. No inline script (CSP), so this lives in its own file.
performance.mark("quiz:first-content");

// A first visit, often on a slow line: the .wasm and the standard library are asked for now,
// once the page can be read (asked for sooner, they shared the line with its style and showed
// the story later), and before the page's modules have loaded and run; runtime.mjs's fetch()
// takes these responses up. Not when a service worker answers (a later visit, a relaunch in an
// LMS): its answers come from Cache Storage, where the browser keeps the .wasm's compiled code
// for next time, and a preloaded response never gets that (Chromium).
if (!navigator.serviceWorker?.controller) {
  const { wasm, stdlib } = document.getElementById("boot-status").dataset;
  for (const href of [wasm, stdlib]) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.append(link);
  }
}

// "Hopp til innholdet" moves focus to the content and leaves the address alone: the address
// is the app's route (#/s/…), where "#main" would be read as a page that does not exist. Here,
// not in the shell, so that it works on the prerendered page before Python is ready too.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
  if (link === null) return;
  event.preventDefault();
  document.getElementById("main")?.focus();
});
