// The page's half of starting Python: fetched and compiled from the first moment the page
// runs, not when the worker gets round to asking. start.mjs calls `fetchRuntime` before
// anything else; the engine's worker (pyodide/snapshot.mjs) says hello as soon as PyScript has
// imported it, and is handed the compiled .wasm, the standard library and app.zip as they
// arrive, with what it needs to know (snapshot on or off, storage memory only), over a
// MessageChannel whose port comes with the worker's hello. The worker reports its steps,
// failures and the snapshot's fate back over the same port.
//
// The .wasm is compiled as it downloads (compileStreaming), off the main thread; a
// WebAssembly.Module passes to a worker without a copy. A server that sends .wasm with
// another type than application/wasm (Moodle, many intranets), which compileStreaming refuses,
// gets it compiled from the bytes instead.

import { APP_ID } from "./names.mjs";

const TAG = `${APP_ID}:boot`;
const url = (path) => new URL(path, document.baseURI).href;
const built = document.getElementById("boot-status").dataset;
// Launched by an LMS, the .wasm's address carries the build's digest of it: the package's
// service worker (lms-sw.js) keeps it under that address, so no build gets another's copy.
export const LMS_LAUNCH = new URLSearchParams(location.search).has("sco");
export const FILES = {
  wasm: url(`./pyodide/pyodide.asm.wasm${LMS_LAUNCH ? `?v=${built.wasm}` : ""}`),
  // The build's trimmed standard library (tools/stdlib.py); its name is in the page.
  stdlib: url(`./pyodide/${built.stdlib}`),
  app: url("./app.zip"),
};

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
  // Uncounted and typed right: the browser's own response, so the browser may use (and keep)
  // its cache of the compiled code.
  if (type.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  if (!response.body) return WebAssembly.compile(await response.arrayBuffer());
  return WebAssembly.compileStreaming(
    new Response(response.body, { headers: { "content-type": "application/wasm" } }),
  );
}

/**
 * Start fetching what Python needs. `count(bytes)` (or null) hears every byte as it arrives;
 * `withApp`: fetch app.zip too (a first visit; a warm start restores the content with the
 * snapshot). Failures go to `failed(reason)`.
 */
export function fetchRuntime({ count = null, withApp = true, failed }) {
  const settle = (promise, what) => promise.then((value) => {
    performance.mark(`quiz:runtime-${what}`);
    return value;
  }, (error) => {
    failed(`${what}: ${error}`);
    return null; // the worker then tries itself
  });
  return {
    wasm: settle(compile(count, failed), "wasm"),
    stdlib: settle(download(FILES.stdlib, count, failed).then((r) => r.arrayBuffer()), "stdlib"),
    app: withApp ? settle(download(FILES.app, count, failed).then((r) => r.arrayBuffer()), "app") : null,
  };
}

/**
 * Talk to the engine's worker as soon as PyScript has made it: answer its hello with
 * `settings` ({snapshot, memory}), hand over what `runtime` fetched, pass on when the page is
 * interactive (`interactive` resolves), and report the worker's steps (as "worker:<step>"
 * performance marks), failures (`on.failed`), the snapshot's fate (`on.snapshot`) and whether
 * PyScript's start-up was kept lazy (`on.pyscript`).
 */
export function connect(xworker, runtime, settings, interactive, on) {
  xworker.addEventListener("message", (event) => {
    const port = event.ports?.[0];
    if (event.data?.[TAG] !== "hello" || port === undefined) return;
    const send = (message, transfer = []) => port.postMessage(message, transfer);
    port.onmessage = ({ data: message }) => {
      if (message.step) {
        performance.mark(`worker:${message.step}`, { startTime: message.at - performance.timeOrigin });
      }
      if (message.failed) on.failed(message.failed);
      if (message.snapshot) on.snapshot(message.snapshot);
      if (message.pyscript) on.pyscript?.(message.pyscript);
    };
    const sends = { wasm: true, stdlib: true, app: runtime.app !== null };
    send({ hello: { ...settings, sends } });
    runtime.wasm.then((wasm) => send({ wasm }));
    for (const name of ["stdlib", "app"]) {
      runtime[name]?.then((bytes) => send({ [name]: bytes }, bytes ? [bytes] : []));
    }
    interactive.then(() => send({ interactive: true }));
  });
}
