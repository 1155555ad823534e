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
// Nothing here waits in line that need not: the moment PyScript imports this module (well
// before it calls loadPyodide) it asks the page what it needs to know (worker-port.mjs answers),
// starts importing Pyodide's 1.2 MB of JavaScript, and reads the snapshot's key (a tiny record
// of its own) and then the snapshot, while the page fetches and compiles the .wasm and fetches
// the standard library and app.zip, which it hands over as they arrive. Pyodide is given the
// snapshot as a Promise, awaited only once its JavaScript has loaded. PyScript's own Python
// start-up is kept lazy (see `lazyPyScript`); on a first visit the snapshot is stored only once
// the page is interactive and its first screen drawn.
//
// The interpreter's URL carries nothing per page load: PyScript names its package cache's
// IndexedDB database after it.
import { APP_ID, SNAPSHOT_DB as DB } from "../names.mjs";
import { loadPyodide as loadPlain, version } from "./pyodide.mjs";

export { version };

const KEY = `${version}/__APP_VERSION__`;
const STORE = "snapshots";
const HOME = "/home/pyodide";
const HERE = new URL(".", import.meta.url).href;
const URLS = {
  wasm: new URL("./pyodide.asm.wasm", HERE).href,
  stdlib: new URL("./__STDLIB__", HERE).href,
  app: new URL("../app.zip", HERE).href,
};
// The lock file's header and no packages: the app loads none, so Pyodide need not fetch its
// 119 KB pyodide-lock.json (the build writes the header of the pinned Pyodide's here).
const LOCK = { info: __LOCK_INFO__, packages: {} };

// The page and this worker talk over a MessageChannel of their own, whose port the worker's
// hello carries (tagged, so that PyScript's own messages pass by untouched); nothing goes to
// the worker's global scope, where PyScript would pass it on to Python. The page: worker-port.mjs.
const TAG = `${APP_ID}:boot`;
const { port1: port, port2 } = new MessageChannel();
const tell = (message) => port.postMessage(message);
// Each step on the page's timeline: the page makes it a performance mark "worker:<step>".
const stamp = (step) => tell({ step, at: performance.timeOrigin + performance.now() });
const note = (what) => tell({ snapshot: what });
stamp("module");

const waiting = () => {
  let resolve;
  const promise = new Promise((done) => { resolve = done; });
  return { promise, resolve };
};
const fromPage = {
  hello: waiting(), wasm: waiting(), stdlib: waiting(), app: waiting(), settled: waiting(),
};
port.onmessage = ({ data }) => {
  for (const [name, value] of Object.entries(data)) fromPage[name]?.resolve(value);
};
postMessage({ [TAG]: "hello" }, [port2]);

// Pyodide's JavaScript (1.2 MB) loads now, not once PyScript has opened its storage.
const runtimeModule = import("./pyodide.asm.mjs").then((module) => {
  stamp("pyodide.asm.mjs");
  return module.default;
});
runtimeModule.catch(() => {}); // awaited (and reported) in loadPyodide

// What the page says: whether to use the snapshot, whether storage is memory only, and
// which files it fetches itself and hands over (the rest this worker fetches).
const asked = await Promise.race([
  fromPage.hello.promise,
  // A page that never answers (it always does) must not stop the start.
  new Promise((resolve) => { setTimeout(resolve, 10_000, { snapshot: true, sends: {} }); }),
]);
stamp("page answered");

// Where the page has no storage (a third-party frame with storage blocked), the worker has
// none either, and PyScript opens IndexedDB as soon as this module is imported.
if (asked.memory) {
  const { default: memoryIndexedDB } = await import("../vendor/fake-indexeddb/fakeIndexedDB.js");
  Object.defineProperty(globalThis, "indexedDB", { value: memoryIndexedDB, configurable: true });
}

// A failed download means Python cannot start: the page says so at once (Pyodide itself may
// wait for ever).
const plainFetch = globalThis.fetch.bind(globalThis);
async function download(url) {
  let response;
  try {
    response = await plainFetch(url);
  } catch (error) {
    tell({ failed: `${new URL(url).pathname}: ${error}` });
    throw error;
  }
  if (!response.ok) {
    tell({ failed: `${new URL(url).pathname}: HTTP ${response.status}` });
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  return response;
}

// The .wasm compiled here only when the page did not (it always tries): as it downloads, and
// typed right where the server is wrong (Moodle, many intranets send octet-stream or
// text/plain, which compileStreaming refuses).
async function compileHere() {
  const response = await download(URLS.wasm);
  const type = response.headers.get("content-type") || "";
  if (type.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}
const handedOver = (name, fetchHere) => (asked.sends?.[name]
  ? fromPage[name].promise.then((value) => value ?? fetchHere())
  : fetchHere());
const wasm = handedOver("wasm", compileHere).then((module) => {
  stamp("wasm compiled");
  return module;
});
const stdlib = handedOver("stdlib", () => download(URLS.stdlib).then((r) => r.arrayBuffer()))
  .then((bytes) => {
    stamp("stdlib");
    return bytes;
  });
let appZip = null;
const app = () => {
  appZip ??= handedOver("app", () => download(URLS.app).then((r) => r.arrayBuffer()));
  return appZip;
};
for (const promise of [wasm, stdlib]) promise.catch(() => {}); // awaited in loadPyodide

// A module that cannot be compiled or instantiated (cut short, out of memory): Pyodide logs
// "wasm instantiation failed!" and waits for ever. Say so to the page instead.
for (const name of ["instantiateStreaming", "instantiate", "compileStreaming", "compile"]) {
  const real = WebAssembly[name]?.bind(WebAssembly);
  if (real === undefined) continue;
  WebAssembly[name] = (...args) =>
    real(...args).catch((error) => {
      tell({ failed: `WebAssembly.${name}: ${error}` });
      throw error;
    });
}
// Pyodide asks for the .wasm and the standard library with fetch() and instantiates with
// instantiateStreaming: it gets what is already under way instead.
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), HERE).href;
  if (url === URLS.wasm) return Promise.resolve(new Response(null, { headers: { "content-type": "application/wasm" } }));
  if (url === URLS.stdlib) return stdlib.then((bytes) => new Response(bytes));
  return plainFetch(input, init);
};
// A snapshot holds the whole heap as it was when made; Pyodide 314 copies it into the heap a
// fresh instance starts with (30 MiB) without growing it first, and fails with "RangeError:
// offset is out of bounds" when the app's start-up left a larger heap (pyodide#6254). A
// restore grows the new instance's memory to the snapshot's heap before Pyodide sees it.
let heapToRestore = null; // a Promise of its size in bytes, while a restore starts
WebAssembly.instantiateStreaming = async (_, imports) => {
  const module = await wasm;
  const instance = await WebAssembly.instantiate(module, imports);
  const { memory } = instance.exports;
  const heap = (await heapToRestore) ?? 0;
  const missing = heap - (memory?.buffer.byteLength ?? heap);
  if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  stamp("wasm instantiated");
  return { module, instance };
};
// The heap a snapshot holds: what follows its header (whose length is its second word).
const heapIn = (bytes) => bytes.byteLength - new Uint32Array(bytes.buffer, bytes.byteOffset, 2)[1];

// The snapshot: its key in a record of its own, so checking it reads a few bytes, not 31 MB.
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
const readKey = () => request("readonly", (store) => store.get("key"));
const readBytes = () => request("readonly", (store) => store.get("bytes"));
const writeSnapshot = (bytes) => request("readwrite", (store) => {
  store.delete("current"); // the one record of earlier versions (key and bytes together)
  store.put(bytes, "bytes");
  return store.put(KEY, "key");
});
const dropSnapshot = () => request("readwrite", (store) => store.clear()).catch(() => {});

// "restore" (the bytes under way), "stale" (made for another version), "none", or "off".
const stored = asked.snapshot === false
  ? Promise.resolve({ kind: "off" })
  : readKey().then((key) => {
    stamp("snapshot key read");
    if (key === KEY) {
      const bytes = readBytes().then((value) => {
        stamp("snapshot read");
        if (!(value instanceof Uint8Array)) throw new Error("no snapshot bytes");
        return value;
      });
      bytes.catch(() => {}); // awaited by Pyodide
      return { kind: "restore", bytes };
    }
    return { kind: key ? "stale" : "none" };
  }, () => ({ kind: "none" }));

// What the app imports at start-up, frozen into the snapshot: the standard library modules
// and the engine through its one entry point, quiz_engine.app, which worker.py imports (a unit
// test checks, and that nothing only the build needs comes with it), from app.zip, which this
// module unpacks; and the content, strings and edition read once (worker.py finds them as
// FROZEN_APP). What is not frozen is compiled on every start.
const FREEZE = `
import collections.abc, dataclasses, datetime, html, json, random, re, string, typing
import urllib.parse, zipfile, pathlib
import os, sys
os.chdir("${HOME}")
sys.path.insert(0, "${HOME}")
import quiz_engine.app
sys.path.remove("${HOME}")
def _text(name):
    if not os.path.exists(name):
        return None
    with open(name, encoding="utf-8") as handle:
        return handle.read()
FROZEN_APP = quiz_engine.app.prepare(_text("bundle.json"), _text("strings.json"), _text("edition.json"))
del _text
`;

async function unpackApp(pyodide) {
  pyodide.unpackArchive(await app(), "zip", { extractDir: HOME });
  stamp("app unpacked");
  return pyodide;
}

async function restore(options, bytes) {
  heapToRestore = bytes.then(heapIn, () => 0);
  let pyodide;
  try {
    pyodide = await loadPlain({ ...options, _loadSnapshot: bytes });
  } finally {
    heapToRestore = null;
  }
  pyodide.runPython("import random; random.seed()"); // the snapshot froze random's state
  stamp("restored");
  note("restored");
  return pyodide;
}

async function startAndSnapshot(options) {
  const pyodide = await unpackApp(await loadPlain({ ...options, _makeSnapshot: true }));
  stamp("python started");
  try {
    pyodide.runPython(FREEZE);
    stamp("engine imported");
    const bytes = pyodide.makeMemorySnapshot();
    stamp("snapshot taken");
    // In make mode `js` wraps globalThis so that calls on it fail ("Illegal invocation"):
    // give Python the real globalThis back before PyScript's own start-up uses it.
    pyodide.registerJsModule("js", globalThis);
    pyodide.runPython("import sys; sys.modules.pop('js', None)");
    // Stored once the page is interactive and has drawn its first screen: the write is 31 MB
    // of this worker's time, and a tap kept from before the start would wait for it.
    fromPage.settled.promise
      .then(() => {
        stamp("snapshot storing");
        return writeSnapshot(bytes);
      })
      .then(() => { stamp("snapshot stored"); note("made"); }, () => note("unsaved"));
  } catch (error) {
    console.warn("no start-up snapshot this time:", error);
    note("unmade");
  }
  return pyodide;
}

async function boot(options) {
  const found = await stored;
  if (found.kind === "off") {
    note("off");
    return unpackApp(await loadPlain(options));
  }
  if (found.kind === "restore") {
    try {
      return await restore(options, found.bytes);
    } catch (error) {
      console.warn("start-up snapshot failed, starting normally:", error);
      note("failed");
      await dropSnapshot();
    }
  } else if (found.kind === "stale") {
    note("stale"); // made for another Pyodide or app version
    await dropSnapshot();
  }
  return startAndSnapshot(options);
}

// PyScript runs its own Python start-up before worker.py: it writes its `pyscript` package
// and imports it (an API this worker never uses). The files are still written, the import is
// left to whoever imports it. PyScript 0.7.31's code is matched exactly (core/src/stdlib.js);
// the page is told, and a browser test fails if a PyScript update stops the match.
const EAGER = "import pyscript as _pyscript\n";
const BOOTSTRAP = "import os as _os\nfrom pathlib import Path as _Path\n";
function lazyPyScript(pyodide) {
  for (const name of ["runPython", "runPythonAsync"]) {
    const run = pyodide[name].bind(pyodide);
    pyodide[name] = (code, ...rest) => {
      let step = String(code).includes("__polyscript_workers__") ? "exports" : "worker.py";
      if (typeof code === "string" && code.startsWith(BOOTSTRAP) && code.includes(EAGER)) {
        tell({ pyscript: "lazy" });
        step = "pyscript's start-up";
        code = code.replace(EAGER, "").replace("del _pyscript\n", "");
      }
      const done = run(code, ...rest);
      Promise.resolve(done).then(() => stamp(step), () => {});
      return done;
    };
  }
  return pyodide;
}

export async function loadPyodide(options) {
  stamp("loadPyodide");
  try {
    // Always this folder: PyScript's indexURL is the interpreter's URL up to its last "/". The
    // standard library is the build's trimmed one (tools/stdlib.py).
    const own = {
      ...options,
      indexURL: HERE,
      stdLibURL: URLS.stdlib,
      lockFileContents: LOCK,
      createPyodideModule: await runtimeModule,
    };
    return lazyPyScript(await boot(own));
  } catch (error) {
    tell({ failed: String(error) });
    throw error;
  }
}
