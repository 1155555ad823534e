// The page's half of starting Python: fetched and compiled from the first moment the page
// runs, not when the worker gets round to asking. index.html loads this module on its own,
// first in its head and async, and it imports nothing: it runs as soon as it has arrived,
// before the page's other scripts have loaded and run (outside an LMS the page's head has
// asked for the .wasm and the standard library even before). start.mjs, which imports it,
// then hears what came and what failed (`fetchRuntime`) and hands it to the engine's worker
// (worker-port.mjs).
//
// The .wasm is compiled as it downloads (compileStreaming), off the main thread; a
// WebAssembly.Module passes to a worker without a copy. A server that sends .wasm with
// another type than application/wasm (Moodle, many intranets), which compileStreaming refuses,
// gets it compiled from the bytes instead.

const url = (path) => new URL(path, document.baseURI).href;
// This module's own element carries the addresses (quiz_engine/site/pages.py): the .wasm's
// (in an LMS package with the build's digest of it, which lms-sw.js keeps it under), the
// build's trimmed standard library's (tools/stdlib.py) and app.zip's. Outside an LMS the
// page's head has already asked for the first two (<link rel=preload>): fetch() here gets
// those responses.
const built = document.getElementById("runtime").dataset;
export const FILES = { wasm: url(built.wasm), stdlib: url(built.stdlib), app: url(built.app) };
export const LMS_LAUNCH = new URLSearchParams(location.search).has("sco");
// A first visit: no service worker holds the files yet.
export const FIRST_VISIT = !navigator.serviceWorker?.controller;

// A response whose body is counted as it is read (the first visit's progress line). The
// browser pipes the chunks; only the count is ours, so the page's thread stays free.
function counted(response, count, read) {
  if (count === null || !response.body) return response;
  const body = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      count(chunk.byteLength);
      controller.enqueue(chunk);
    },
    flush: read,
  }));
  return new Response(body, { status: response.status, headers: response.headers });
}

async function download(path, count, failed, read = undefined) {
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
  return counted(response, count, read);
}

async function compile(count, failed, read) {
  const response = await download(FILES.wasm, count, failed, read);
  const type = response.headers.get("content-type") || "";
  // Uncounted and typed right: the browser's own response, so the browser may use (and keep)
  // its cache of the compiled code.
  if (type.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  if (!response.body) return WebAssembly.compile(await response.arrayBuffer());
  return WebAssembly.compileStreaming(
    new Response(response.body, { headers: { "content-type": "application/wasm" } }),
  );
}

// What happens before start.mjs is there to hear it is kept for it: the bytes counted, the
// failures.
let heard = 0;
let counter = (bytes) => { heard += bytes; };
const failures = [];
let fail = (reason) => failures.push(reason);

function start() {
  const settle = (promise, what) => promise.then((value) => {
    performance.mark(`quiz:runtime-${what}`);
    return value;
  }, (error) => {
    fail(`${what}: ${error}`);
    return null; // the worker then tries itself
  });
  // Counted on a first visit only (the download line): an uncounted .wasm is the browser's
  // own response, whose compiled code the browser may keep.
  const count = FIRST_VISIT ? (bytes) => counter(bytes) : null;
  const failed = (reason) => fail(reason);
  // app.zip is wanted only once Python runs: asked for once the .wasm is in (or has failed),
  // so that it does not share a slow line with the two that Python needs first.
  let wasmIn;
  const wasmRead = new Promise((resolve) => { wasmIn = resolve; });
  // The .wasm is compiled once the page is parsed (its download goes on meanwhile): compiling
  // beside the first layout showed the story later on a two-core machine (0.35 s, not 0.48 s).
  const parsed = document.readyState === "loading"
    ? new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }))
    : Promise.resolve();
  const wasm = settle(parsed.then(() => compile(count, failed, wasmIn)), "wasm");
  wasm.then(wasmIn);
  const bytes = (path) => download(path, count, failed).then((r) => r.arrayBuffer());
  return {
    wasm,
    stdlib: settle(bytes(FILES.stdlib), "stdlib"),
    // A warm start restores the content with the snapshot.
    app: FIRST_VISIT ? settle(wasmRead.then(() => bytes(FILES.app)), "app") : null,
  };
}
// Started as this module is evaluated (start.mjs says why when there is no WebAssembly).
const started = typeof WebAssembly === "object" ? start() : null;

/**
 * What Python needs, under way since this module was evaluated (app.zip only on a first
 * visit). `count(bytes)` (or null) hears every byte, those already in first; `failed(reason)`
 * every failure, those already met first.
 */
export function fetchRuntime({ count = null, failed }) {
  if (count !== null) {
    if (heard > 0) count(heard);
    counter = count;
  }
  fail = failed;
  for (const reason of failures.splice(0)) failed(reason);
  return started;
}
