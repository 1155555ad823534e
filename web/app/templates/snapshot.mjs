// PyScript's "interpreter" inside the engine's worker: Pyodide, started from a memory snapshot
// made on this device when there is a good one, else started normally (and a snapshot made for
// next time). Runs in a Web Worker: no window, no document, no localStorage.
//
// PyScript imports this module, takes `version` and `loadPyodide` from it; it sits next to
// pyodide.mjs. `_loadSnapshot`/`_makeSnapshot` are private Pyodide options (measured in
// ../shared/tech-notes.md): Pyodide is pinned, and every failure falls back to a plain start.
// Snapshots are engine- and build-specific, so they are made on the device and keyed on the
// Pyodide and app versions.
//
// The page (start.mjs) tells this module what it needs in the fragment of the interpreter's
// URL: `channel` (a BroadcastChannel for progress and failures), `snapshot=off`, `count=1` (a
// first visit: count the bytes of the downloads), `memory=1` (the page has no storage). Not in
// import.meta.url: a module the service worker serves gets the URL of its cached copy, without
// query or fragment. PyScript 0.7.31 passes `indexURL` = the interpreter's URL up to its last
// "/", so start.mjs ends the fragment with "/" and it arrives here whole (a browser test of
// warm starts fails if a PyScript update changes this).
import { SNAPSHOT_DB as DB } from "../names.mjs";
import { loadPyodide as loadPlain, version } from "./pyodide.mjs";

export { version };

const KEY = `${version}/__APP_VERSION__`;
const STORE = "snapshots";
const HERE = new URL(".", import.meta.url).href;
let asked = new URLSearchParams();
let channel = null;
const tell = (message) => channel?.postMessage(message);

function readAsked(indexURL) {
  asked = new URLSearchParams(new URL(indexURL).hash.slice(1));
  channel = new BroadcastChannel(asked.get("channel") ?? "");
}

// Where the page has no storage (a third-party frame with storage blocked), the worker has
// none either, and PyScript opens IndexedDB before it calls loadPyodide: give it the in-memory
// one now. Such a page never has a service worker, so here the module's own URL still carries
// the fragment.
if (new URLSearchParams(new URL(import.meta.url).hash.slice(1)).get("memory") === "1") {
  const { default: memoryIndexedDB } = await import("../vendor/fake-indexeddb/fakeIndexedDB.js");
  Object.defineProperty(globalThis, "indexedDB", { value: memoryIndexedDB, configurable: true });
}

// What the app imports at start-up, frozen into the snapshot: the standard library modules
// and the engine through its one entry point, quiz_engine.app, which worker.py imports (a unit
// test checks, and that nothing only the build needs comes with it), from app.zip, which this
// module unpacks (see `unpackApp`). What is not frozen is compiled on every start.
const FREEZE = `
import collections.abc, dataclasses, datetime, html, json, random, re, string, typing
import urllib.parse, zipfile
import os, sys
os.chdir("/home/pyodide")
sys.path.insert(0, "/home/pyodide")
import quiz_engine.app
sys.path.remove("/home/pyodide")
`;

// The files Python needs, fetched (not imported) while it starts.
const TRACKED = /\/(pyodide\/(pyodide\.asm\.wasm|python_stdlib[^/]*\.zip|pyodide-lock\.json)|app\.zip)$/;

// Watches those fetches: a failed one means Python cannot start (the page says so at once:
// Pyodide itself may wait for ever). On a first visit it also reports the bytes, for the
// progress line. A server that does not know `.wasm` (Moodle's file server, many intranets)
// sends it as application/octet-stream or text/plain, and Pyodide's instantiateStreaming
// rejects that and never resolves: such a response gets the right type here. Responses with
// the right type are passed on untouched, so the browser can reuse its compiled wasm.
const plainFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), HERE);
  if (!TRACKED.test(url.pathname)) return plainFetch(input, init);
  let response;
  try {
    response = await plainFetch(input, init);
  } catch (error) {
    tell({ failed: `${url.pathname}: ${error}` });
    throw error;
  }
  if (!response.ok) tell({ failed: `${url.pathname}: HTTP ${response.status}` });
  const wasm = url.pathname.endsWith(".wasm");
  const wrongType = wasm && !(response.headers.get("content-type") || "").startsWith("application/wasm");
  const counting = asked.get("count") === "1";
  if ((!counting && !wrongType) || !response.body) return wasm ? compileEarly(response) : response;
  const headers = new Headers(response.headers);
  if (wrongType) headers.set("content-type", "application/wasm");
  let body = response.body;
  if (counting) {
    const reader = body.getReader();
    body = new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        tell({ bytes: value.byteLength });
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
  }
  const out = new Response(body, { status: response.status, statusText: response.statusText, headers });
  return wasm ? compileEarly(out) : out;
};

// Pyodide starts downloading the .wasm as it starts, but compiles it only once its 1.2 MB of
// JavaScript has loaded and run. Compile it as it arrives instead (streaming, so the browser's
// cache of compiled code still serves warm starts), and give Pyodide the compiled module when
// it asks (`instantiateStreaming` below); Pyodide gets an empty stand-in for the response.
let early = null;
function compileEarly(response) {
  if (!response.ok) return response;
  early = WebAssembly.compileStreaming(Promise.resolve(response));
  early.catch(() => {}); // reported by the wrapper below, awaited by instantiateStreaming
  return new Response(null, { headers: { "content-type": "application/wasm" } });
}

// A module that downloads but cannot be compiled or instantiated (cut short, out of memory):
// Pyodide logs "wasm instantiation failed!" and waits for ever. Say so to the page instead.
for (const name of ["instantiateStreaming", "instantiate", "compileStreaming", "compile"]) {
  const real = WebAssembly[name]?.bind(WebAssembly);
  if (real === undefined) continue;
  WebAssembly[name] = (...args) =>
    real(...args).catch((error) => {
      tell({ failed: `WebAssembly.${name}: ${error}` });
      throw error;
    });
}

const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source; // our fetch above has then started the early compile
  if (early === null) return instantiateStreaming(response, imports);
  const compiled = early;
  early = null;
  const module = await compiled;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

function request(mode, action) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(STORE, mode);
      const req = action(tx.objectStore(STORE));
      tx.oncomplete = () => { db.close(); resolve(req.result); };
      tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
    };
  });
}

const readSnapshot = () => request("readonly", (store) => store.get("current"));
const writeSnapshot = (record) => request("readwrite", (store) => store.put(record, "current"));
const dropSnapshot = () => request("readwrite", (store) => store.delete("current")).catch(() => {});

const note = (what) => tell({ snapshot: what });

async function restore(options, stored) {
  const pyodide = await loadPlain({ ...options, _loadSnapshot: stored.bytes });
  pyodide.runPython("import random; random.seed()"); // the snapshot froze random's state
  note("restored");
  return pyodide;
}

// The app's files (the engine, the content, the strings), fetched while Pyodide starts and
// unpacked into the working directory before PyScript runs worker.py. Not PyScript's `files`
// option: that fetches only after start-up, and a first visit would unpack the zip twice.
let appZip = null;
const fetchApp = () => {
  appZip ??= fetch(new URL("../app.zip", import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`app.zip: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  return appZip;
};
const unpacked = new WeakSet();
const unpackApp = async (pyodide) => {
  if (!unpacked.has(pyodide)) {
    pyodide.unpackArchive(await fetchApp(), "zip", { extractDir: "/home/pyodide" });
    unpacked.add(pyodide);
  }
  return pyodide;
};

async function startAndSnapshot(options) {
  const pyodide = await unpackApp(await loadPlain({ ...options, _makeSnapshot: true }));
  try {
    pyodide.runPython(FREEZE);
    const bytes = pyodide.makeMemorySnapshot();
    // In make mode `js` wraps globalThis so that calls on it fail ("Illegal invocation"):
    // give Python the real globalThis back before PyScript's own start-up uses it.
    pyodide.registerJsModule("js", globalThis);
    pyodide.runPython("import sys; sys.modules.pop('js', None)");
    writeSnapshot({ key: KEY, bytes }).then(() => note("made"), () => note("unsaved"));
  } catch (error) {
    console.warn("no start-up snapshot this time:", error);
    note("unmade");
  }
  return pyodide;
}

async function boot(options) {
  const early = asked.get("snapshot") === "off" ? null : readSnapshot().catch(() => undefined);
  if (early === null) {
    note("off");
    return loadPlain(options);
  }
  const stored = await early;
  if (stored && stored.key === KEY) {
    try {
      return await restore(options, stored);
    } catch (error) {
      console.warn("start-up snapshot failed, starting normally:", error);
      note("failed");
      await dropSnapshot();
    }
  } else if (stored) {
    note("stale"); // made for another Pyodide or app version
    await dropSnapshot();
  }
  return startAndSnapshot(options);
}

export async function loadPyodide(options) {
  readAsked(options.indexURL);
  try {
    fetchApp().catch(() => {}); // started now; a failure is reported where it is awaited
    // Always this folder: the query above must not leak into Pyodide's own URLs. The standard
    // library is the build's trimmed one (tools/stdlib.py).
    const own = { ...options, indexURL: HERE, stdLibURL: new URL("./__STDLIB__", HERE).href };
    return await unpackApp(await boot(own));
  } catch (error) {
    tell({ failed: String(error) });
    throw error;
  }
}
