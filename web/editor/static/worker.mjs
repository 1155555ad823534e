// The editor's worker: Pyodide (the app's own copy, ../pyodide/) running the editor's Python
// (quiz_engine.editor, from editor.zip) off the main thread. A plain module worker: the page
// posts {id, call, args} and gets {id, answer} or {id, error}; no PyScript, so the editor's
// page needs no 'unsafe-eval'.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const HERE = new URL(".", import.meta.url);
// Where start-up goes: the page marks each step (editor:pyodide, editor:zip, editor:imported).
const step = (name) => self.postMessage({ step: name, at: performance.timeOrigin + performance.now() });
const PYODIDE = new URL("../pyodide/", HERE);

// A server that does not know .wasm (many intranets) sends it with another type, and Pyodide's
// instantiateStreaming then never resolves: hand it over with the right one (as the app does).
const plainFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input, init) => {
  const response = await plainFetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  if (!url.endsWith(".wasm") || (response.headers.get("content-type") || "").startsWith("application/wasm")) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/wasm");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};

async function fetchZip() {
  const response = await fetch(new URL("./editor.zip", HERE));
  if (!response.ok) throw new Error(`editor.zip: HTTP ${response.status}`);
  return response.arrayBuffer();
}

let interpreter = null;
const ready = (async () => {
  const [pyodide, zip] = await Promise.all([
    loadPyodide({
      indexURL: PYODIDE.href,
      stdLibURL: new URL("./python_stdlib_editor.zip", HERE).href,
      lockFileURL: new URL("./pyodide-lock.json", HERE).href,
    }).then((loaded) => { step("pyodide"); return loaded; }),
    fetchZip().then((bytes) => { step("zip"); return bytes; }),
  ]);
  interpreter = pyodide;
  pyodide.unpackArchive(zip, "zip", { extractDir: "/home/pyodide/editor" });
  pyodide.runPython("import os, sys; os.chdir('/home/pyodide/editor'); sys.path.insert(0, '/home/pyodide/editor')");
  const engine = pyodide.pyimport("editor_worker");
  step("imported");
  return engine;
})();
ready.then(
  () => self.postMessage({ ready: true }),
  (error) => self.postMessage({ failed: String(error) }),
);

// The finished edition: every file the site's kit listing names (redaktor/byggesett.json),
// fetched from the site this editor runs on (or its service worker's cache), built by the
// engine's pure build in Python; the zip goes back to the page as bytes.
async function buildSite(engine) {
  const root = new URL("../", HERE);
  const response = await fetch(new URL("redaktor/byggesett.json", root));
  if (!response.ok) throw new Error(`byggesett.json: HTTP ${response.status}`);
  const folder = "/home/pyodide/byggesett";
  for (const name of (await response.json()).files) {
    const file = await fetch(new URL(name, root));
    if (!file.ok) throw new Error(`${name}: HTTP ${file.status}`);
    const path = `${folder}/${name}`;
    interpreter.FS.mkdirTree(path.split("/").slice(0, -1).join("/"));
    interpreter.FS.writeFile(path, new Uint8Array(await file.arrayBuffer()));
  }
  const out = "/home/pyodide/utgave.zip";
  const name = engine.site(folder, out);
  return name ? { name, bytes: interpreter.FS.readFile(out) } : { name: "" };
}

self.onmessage = async ({ data }) => {
  try {
    const engine = await ready;
    if (data.call === "site") {
      const answer = await buildSite(engine);
      self.postMessage({ id: data.id, answer }, answer.bytes ? [answer.bytes.buffer] : []);
      return;
    }
    const answer = data.call === "begin" ? engine.begin(...data.args) : engine.dispatch(data.args[0]);
    self.postMessage({ id: data.id, answer });
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error) });
  }
};
