// Starts PyScript. Where the browser denies this page storage (a third-party iframe with
// third-party cookies blocked, as in Chromium's default here and every Incognito window),
// PyScript would wait for ever on IndexedDB: give it an in-memory one first. The app then
// runs, keeps progress in memory only, and says so.
function storageBlocked() {
  try {
    const probe = "folkevalgt-quiz:probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return !("indexedDB" in window) || window.indexedDB === null;
  } catch {
    return true;
  }
}

// First visit: show real download progress (bytes of the total) beside the readable
// prerendered page, never a bare spinner. Later visits load from the device (service worker),
// and their responses are left untouched so the browser can reuse its compiled WebAssembly.
function showDownloadProgress() {
  const status = document.getElementById("boot-status");
  const total = Number(status?.dataset.total);
  if (!total || navigator.serviceWorker?.controller) return;
  let lang = "nb";
  try {
    lang = window.localStorage.getItem("folkevalgt-quiz:v1:lang") === "nn" ? "nn" : "nb";
  } catch {}
  const template = status.dataset[lang === "nn" ? "downloadNn" : "downloadNb"];
  const mb = (bytes) => (bytes / 1e6).toLocaleString("nb-NO", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  let done = 0;
  const show = () => {
    status.textContent = template.replace("{done}", mb(Math.min(done, total))).replace("{total}", mb(total));
    status.dataset.done = String(done);
    if (done >= total && !status.dataset.doneAt) status.dataset.doneAt = String(performance.now());
  };
  show();
  const tracked = /\/(pyodide\/(pyodide\.asm\.wasm|python_stdlib\.zip|pyodide-lock\.json)|app\.zip)$/;
  const plainFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await plainFetch(input, init);
    // Pyodide passes URL objects, PyScript strings; Request objects carry .url.
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!tracked.test(url.pathname) || !response.body) return response;
    const reader = response.body.getReader();
    const counted = new ReadableStream({
      async pull(controller) {
        const { done: finished, value } = await reader.read();
        if (finished) return controller.close();
        done += value.byteLength;
        show();
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

showDownloadProgress();

if (storageBlocked()) {
  const { default: memoryIndexedDB } = await import("./vendor/fake-indexeddb/fakeIndexedDB.js");
  Object.defineProperty(window, "indexedDB", { value: memoryIndexedDB, configurable: true });
  document.documentElement.dataset.storage = "memory";
}
window.addEventListener(
  "quiz-ready",
  () => import("./offline.mjs").then((offline) => offline.registerOffline()),
  { once: true },
);
// The interpreter first, without waiting: Pyodide (from its snapshot when there is one) starts
// while PyScript loads; PyScript imports the same module later and gets this interpreter.
import("./pyodide/snapshot.mjs").then((interpreter) => interpreter.startEarly()).catch(() => {});
await import("./pyscript/core.js");
