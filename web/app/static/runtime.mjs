// The page's half of starting Python: fetched and compiled from the first moment the page
// runs, not when the worker gets round to asking. start.mjs calls `fetchRuntime` before
// anything else (on a first visit boot.js has already asked for the .wasm and the standard
// library, and fetch() here takes those responses up) and hands what comes to the engine's
// worker (worker-port.mjs).
//
// The .wasm is compiled as it downloads (compileStreaming), off the main thread; a
// WebAssembly.Module passes to a worker without a copy. A server that sends .wasm with
// another type than application/wasm (Moodle, many intranets), which compileStreaming refuses,
// gets it compiled from the bytes instead.

const url = (path) => new URL(path, document.baseURI).href;
// The addresses, which the build writes (quiz_engine/site/pages.py): the .wasm's (in an LMS
// package with the build's digest of it, which lms-sw.js keeps it under), the build's trimmed
// standard library's (tools/stdlib.py) and app.zip's.
const built = document.getElementById("boot-status").dataset;
export const FILES = { wasm: url(built.wasm), stdlib: url(built.stdlib), app: url(built.app) };
export const LMS_LAUNCH = new URLSearchParams(location.search).has("sco");
// A first visit: no service worker holds the files yet.
export const FIRST_VISIT = !navigator.serviceWorker?.controller;

// A response whose body is counted as it is read (the first visit's progress line). The
// browser pipes the chunks; only the count is ours, so the page's thread stays free.
function counted(response, count) {
  if (count === null || !response.body) return response;
  const body = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      count(chunk.byteLength);
      controller.enqueue(chunk);
    },
  }));
  return new Response(body, { status: response.status, headers: response.headers });
}

async function download(path, count, failed) {
  let response;
  try {
    response = await fetch(path);
  } catch (error) {
    failed(`${new URL(path).pathname}: ${error}`);
    throw error;
  }
  if (!response.ok) {
    failed(`${new URL(path).pathname}: HTTP ${response.status}`);
    throw new Error(`${path}: HTTP ${response.status}`);
  }
  return counted(response, count);
}

async function compile(count, failed) {
  const response = await download(FILES.wasm, count, failed);
  const type = response.headers.get("content-type") || "";
  // Typed right: compiled as it streams. On a later visit (nothing counted) this is the
  // browser's own response, so the browser may use (and keep) its cache of the compiled code;
  // a first visit's counted copy has no such cache to use yet.
  if (type.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  if (!response.body) return WebAssembly.compile(await response.arrayBuffer());
  return WebAssembly.compileStreaming(
    new Response(response.body, { headers: { "content-type": "application/wasm" } }),
  );
}

/**
 * Start fetching what Python needs: app.zip too on a first visit (a warm start restores the
 * content with the snapshot), and only once the .wasm is in (and compiled), so that it does
 * not share a slow line with the two that Python needs first. `count(bytes)` (or null) hears
 * every byte as it arrives; failures go to `failed(reason)`.
 */
export function fetchRuntime({ count = null, failed }) {
  const settle = (promise, what) => promise.then((value) => {
    performance.mark(`quiz:runtime-${what}`);
    return value;
  }, (error) => {
    failed(`${what}: ${error}`);
    return null; // the worker then tries itself
  });
  const wasm = settle(compile(count, failed), "wasm"); // compiled as it arrives
  const bytes = (path) => download(path, count, failed).then((r) => r.arrayBuffer());
  return {
    wasm,
    stdlib: settle(bytes(FILES.stdlib), "stdlib"),
    app: FIRST_VISIT ? settle(wasm.then(() => bytes(FILES.app)), "app") : null,
  };
}
