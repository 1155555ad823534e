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

import { SNAPSHOT_DB, SNAPSHOT_STORE } from "./names.mjs";

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
  // Uncounted and typed right: the browser's own response, so the browser may use (and keep)
  // its cache of the compiled code.
  if (type.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  if (!response.body) return WebAssembly.compile(await response.arrayBuffer());
  return WebAssembly.compileStreaming(
    new Response(response.body, { headers: { "content-type": "application/wasm" } }),
  );
}

/**
 * Start fetching what Python needs: app.zip too on a first visit (a warm start restores the
 * content with the snapshot), and only once the .wasm is in (and compiled), so that it does
 * not share a slow line with the two that Python needs first. `count(bytes)` (or null) hears every byte as it
 * arrives; failures go to `failed(reason)`.
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

// The reader's whole code, run in a worker of its own (made from this function's text, so it
// costs no download): asked {db, store, wanted} with a port, it answers once on that port with
// {key, bytes} (the bytes moved, not copied) of the snapshot whose key ends in "/<wanted>", or
// with null, and is done.
function snapshotReader() {
  const read = ({ db: name, store: storeName, wanted }) => new Promise((resolve) => {
    const open = indexedDB.open(name, 1);
    // No database yet (a first visit): none is made here, the engine's worker makes it.
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = open.onblocked = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      const found = { key: null, bytes: null };
      const done = () => {
        db.close();
        resolve(found.bytes ? found : null);
      };
      let tx;
      try {
        tx = db.transaction(storeName, "readonly");
      } catch {
        done();
        return;
      }
      const store = tx.objectStore(storeName);
      store.get("key").onsuccess = ({ target }) => {
        found.key = target.result;
        if (typeof found.key !== "string" || !found.key.endsWith(`/${wanted}`)) return;
        store.get("bytes").onsuccess = ({ target: bytes }) => {
          found.bytes = bytes.result instanceof Uint8Array ? bytes.result : null;
        };
      };
      tx.oncomplete = done;
      tx.onerror = tx.onabort = () => {
        found.bytes = null;
        done();
      };
    };
  });
  self.onmessage = async ({ data, ports: [port] }) => {
    let found = null;
    try {
      found = await read(data);
    } catch {
      // No IndexedDB here: the engine's worker reads for itself.
    }
    port.postMessage(found, found ? [found.bytes.buffer] : []);
    self.close();
  };
}

/**
 * The start-up snapshot this build made on this device, read from the page's first moment
 * (the engine's worker would read it only once PyScript has made it), in a worker of its own.
 * Returns {port, lost}: the MessagePort on which its {key, bytes} or null will come, for the
 * engine's worker (worker-port.mjs hands it over), so that neither the read nor the 31 MB
 * pass through the page's thread; and a Promise that settles if the reader fails (then
 * nothing comes on the port). Or null where no such worker can be made. Only a snapshot made
 * for this build's app is read (the build writes what it is made for on #boot-status); the
 * engine's worker checks the whole key again, Pyodide's version with it, and reads for itself
 * whatever does not come.
 */
export function readSnapshot() {
  const { port1, port2 } = new MessageChannel();
  let reader;
  try {
    const code = new Blob([`(${snapshotReader})()`], { type: "text/javascript" });
    reader = new Worker(URL.createObjectURL(code));
  } catch {
    return null;
  }
  const lost = new Promise((resolve) => { reader.onerror = resolve; });
  reader.postMessage({ db: SNAPSHOT_DB, store: SNAPSHOT_STORE, wanted: built.snapshot }, [port1]);
  return { port: port2, lost };
}
