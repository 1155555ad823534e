// A SCORM package's only service worker (registered by lms-cache.mjs), scoped to the package's
// folder in the LMS. It does one thing: it keeps the runtime's .wasm in Cache Storage, typed
// application/wasm, and answers the page's request for it from there.
//
// Why: an LMS such as Moodle serves .wasm as application/octet-stream, which compileStreaming
// refuses, so the page builds a new, rightly typed Response (runtime.mjs), and the browser never
// keeps the compiled code of a Response made in JavaScript: every launch compiled the .wasm
// again. A Response from Cache Storage typed application/wasm is a real load, and Chromium keeps
// its compiled code beside the cached copy (bench/lms_wasm_cache.py shows it).
//
// The .wasm's address carries the build's digest of it (?v=…, in the registration's own
// address as ?wasm=…), so a new build never gets an old copy, even from an older worker.
// Nothing else goes through this worker: every other request goes to the LMS as before.

const WASM = new URL(new URL(self.location.href).searchParams.get("wasm") ?? "", self.registration.scope).href;
// One cache per package folder, named after it (lms-cache.mjs deletes an old upload's).
const CACHE = self.registration.scope;

async function keep() {
  const response = await fetch(WASM);
  if (!response.ok) throw new Error(`${WASM}: HTTP ${response.status}`);
  const cache = await caches.open(CACHE);
  const typed = new Response(response.body, { headers: { "content-type": "application/wasm" } });
  await cache.put(WASM, typed);
  for (const request of await cache.keys()) {
    if (request.url !== WASM) await cache.delete(request);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(keep().then(() => self.skipWaiting()));
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET" || event.request.url !== WASM) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(WASM))
      .then((kept) => kept ?? fetch(event.request)),
  );
});
