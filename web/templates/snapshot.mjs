// PyScript's "interpreter": Pyodide, started from a memory snapshot made on this device when
// there is a good one, else started normally (and a snapshot made for next time).
//
// PyScript imports this module, takes `version` and `loadPyodide` from it and derives the
// indexURL from its folder, so it sits next to pyodide.mjs. `_loadSnapshot`/`_makeSnapshot`
// are private Pyodide options (measured in ../shared/tech-notes.md): Pyodide is pinned, and
// every failure falls back to a plain start. Snapshots are engine- and build-specific, so they
// are made on the device and keyed on the Pyodide and app versions. Switch off with
// ?snapshot=off, or localStorage "folkevalgt-quiz:v1:snapshot" = "off".
import { loadPyodide as loadPlain, version } from "./pyodide.mjs";

export { version };

const KEY = `${version}/__APP_VERSION__`;
const DB = "folkevalgt-quiz-snapshot";
const STORE = "snapshots";
// What the app imports at start-up, frozen into the snapshot: the standard library modules
// and the engine itself (unpacked from app.zip, which PyScript unpacks again after start-up).
const FREEZE = `
import collections.abc, dataclasses, datetime, html, json, random, re, string, typing
import urllib.parse, zipfile
import os, sys
os.chdir("/home/pyodide")
sys.path.insert(0, "/home/pyodide")
import quiz_engine
sys.path.remove("/home/pyodide")
`;

function switchedOff() {
  try {
    if (new URLSearchParams(location.search).get("snapshot") === "off") return true;
    if (localStorage.getItem("folkevalgt-quiz:v1:snapshot") === "off") return true;
  } catch {
    return true;
  }
  // Memory-only storage (a blocked iframe): a snapshot would never be there next time.
  return document.documentElement.dataset.storage === "memory";
}

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

function note(what) {
  document.documentElement.dataset.snapshot = what;
  performance.mark(`quiz:snapshot-${what}`);
}

async function restore(options, stored) {
  const pyodide = await loadPlain({ ...options, _loadSnapshot: stored.bytes });
  pyodide.runPython("import random; random.seed()"); // the snapshot froze random's state
  note("restored");
  return pyodide;
}

async function startAndSnapshot(options) {
  const pyodide = await loadPlain({ ...options, _makeSnapshot: true });
  try {
    const app = await fetch(new URL("../app.zip", import.meta.url)).then((r) => r.arrayBuffer());
    pyodide.unpackArchive(app, "zip", { extractDir: "/home/pyodide" });
    pyodide.runPython(FREEZE);
    const bytes = pyodide.makeMemorySnapshot();
    // In make mode `js` wraps globalThis so that DOM calls fail ("Illegal invocation"):
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

// Start reading the 30 MB snapshot as soon as this module loads (start.mjs imports it early,
// while PyScript is still loading), not when PyScript gets round to calling loadPyodide.
const early = switchedOff() ? null : readSnapshot().catch(() => undefined);

async function boot(options) {
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

// start.mjs calls this at once, so Pyodide downloads and starts while PyScript is still
// loading its own modules; PyScript's later call below then gets the same interpreter.
const HERE = new URL(".", import.meta.url).href;
let booting = null;

export function startEarly() {
  booting ??= boot({ indexURL: HERE });
  return booting;
}

export async function loadPyodide(options) {
  try {
    return await startAsAsked(options);
  } catch (error) {
    window.dispatchEvent(new CustomEvent("quiz-boot-failed", { detail: String(error) }));
    throw error;
  }
}

async function startAsAsked(options) {
  const { stdout, stderr, indexURL, ...rest } = options;
  if (Object.keys(rest).length || new URL(`${indexURL}/`, location.href).href !== HERE) {
    return boot(options); // not what was started early: start exactly as asked
  }
  const pyodide = await startEarly();
  if (stdout) pyodide.setStdout({ batched: stdout });
  if (stderr) pyodide.setStderr({ batched: stderr });
  return pyodide;
}
