// The editor's service worker (scope: redaktor/), written by web/build/editor.py: every file the
// editor loads, the app's Pyodide included, kept on the device at install, so the editor works
// offline after one visit. Hand-written rather than Workbox: when the app's own (Workbox) worker
// activates, it deletes every cache named "-precache-" that holds the app's scope in its name,
// which a Workbox cache of ours (scope <app>/redaktor/) would.
const VERSION = "__VERSION__";
const FILES = __FILES__;
// One cache per scope and version: another copy of the editor on the same site keeps its own.
const PREFIX = `folkevalgt-redaktor-offline:${self.registration.scope}:`;
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
  )));
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  url.search = "";
  url.hash = "";
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(url.href))
      .then((hit) => hit || fetch(event.request)),
  );
});

// The page asks a waiting version to take over once the writer has chosen to (drafts are kept).
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});
