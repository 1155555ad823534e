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

const ready = (async () => {
  const [pyodide, zip] = await Promise.all([
    loadPyodide({
      indexURL: PYODIDE.href,
      stdLibURL: new URL("./python_stdlib_editor.zip", HERE).href,
      lockFileURL: new URL("./pyodide-lock.json", HERE).href,
    }).then((loaded) => { step("pyodide"); return loaded; }),
    fetchZip().then((bytes) => { step("zip"); return bytes; }),
  ]);
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

self.onmessage = async ({ data }) => {
  try {
    const engine = await ready;
    const answer = data.call === "begin" ? engine.begin(...data.args) : engine.dispatch(data.args[0]);
    self.postMessage({ id: data.id, answer });
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error) });
  }
};
