// Imported by the service worker (sw.js, made by Workbox) before anything else of it runs.
//
// Workbox fetches each file it precaches past the HTTP cache (cache: "reload"), so a first
// visit would download everything a second time right after the app is ready. Asked to
// revalidate instead ("no-cache"), the server answers "not modified" for what the visit just
// downloaded, and the browser takes those bytes from its HTTP cache; what changed (a new
// version) comes whole, as before. And a server that sends .wasm with another type than
// application/wasm gets it typed right in the precache, so the browser can keep the compiled
// code beside it.
const plainFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const request = input instanceof Request && input.cache === "reload"
    ? new Request(input, { cache: "no-cache" })
    : input;
  const response = await plainFetch(request, init);
  const url = request instanceof Request ? request.url : String(request);
  const type = response.headers.get("content-type") || "";
  if (!response.ok || !new URL(url).pathname.endsWith(".wasm") || type.startsWith("application/wasm")) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/wasm");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};
