// Starts the app: watches the downloads Python needs (progress on a first visit, a clear
// message when anything stops Python from starting), talks to an embedding parent page,
// starts Pyodide early, then loads PyScript.

// Where the browser denies this page storage (a third-party iframe with third-party cookies
// blocked, as in Chromium's default here and every Incognito window), PyScript would wait for
// ever on IndexedDB: it gets an in-memory one. The app then runs, keeps progress in memory
// only, and says so.
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

// The files Python needs, fetched (not imported) while it starts.
const TRACKED = /\/(pyodide\/(pyodide\.asm\.wasm|python_stdlib\.zip|pyodide-lock\.json)|app\.zip)$/;

// Watches those fetches: a failed one means Python cannot start (say so at once: Pyodide itself
// may wait for ever). On a first visit it also shows real download progress (bytes of the
// total) beside the readable prerendered page, never a bare spinner. Later visits load from
// the device, and their responses are left untouched so the browser can reuse compiled wasm.
function watchDownloads() {
  const status = document.getElementById("boot-status");
  const total = Number(status?.dataset.total);
  const counting = total > 0 && !navigator.serviceWorker?.controller;
  const template = status?.dataset[language() === "nn" ? "downloadNn" : "downloadNb"] ?? "";
  const mb = (bytes) => (bytes / 1e6).toLocaleString("nb-NO", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  let done = 0;
  const show = () => {
    if (document.documentElement.dataset.boot === "failed") return;
    status.textContent = template.replace("{done}", mb(Math.min(done, total))).replace("{total}", mb(total));
    status.dataset.done = String(done);
    if (done >= total && !status.dataset.doneAt) status.dataset.doneAt = String(performance.now());
  };
  if (counting) show();
  const plainFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    // Pyodide passes URL objects, PyScript strings; Request objects carry .url.
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!TRACKED.test(url.pathname)) return plainFetch(input, init);
    let response;
    try {
      response = await plainFetch(input, init);
    } catch (error) {
      bootFailed(`${url.pathname}: ${error}`);
      throw error;
    }
    if (!response.ok) bootFailed(`${url.pathname}: HTTP ${response.status}`);
    if (!counting || !response.body) return response;
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

// When Python cannot start (no WebAssembly, a failed download, out of memory, an error in our
// start-up code), say so in Norwegian with what to do, instead of loading for ever. The
// prerendered page stays readable.
function language() {
  try {
    return window.localStorage.getItem("folkevalgt-quiz:v1:lang") === "nn" ? "nn" : "nb";
  } catch {
    return "nb";
  }
}

function bootFailed(reason) {
  if (document.documentElement.classList.contains("app-ready")) return;
  const status = document.getElementById("boot-status");
  status.textContent = status.dataset[language() === "nn" ? "failedNn" : "failedNb"];
  status.setAttribute("role", "alert");
  status.classList.add("boot-failed");
  document.documentElement.dataset.boot = "failed";
  performance.mark("quiz:boot-failed");
  console.warn("the app could not start:", reason);
}

window.addEventListener("quiz-boot-failed", (event) => bootFailed(event.detail), { once: true });
// A server header stricter than our policy (no 'unsafe-eval') stops PyScript inside its own code.
document.addEventListener("securitypolicyviolation", (event) => {
  if (event.blockedURI === "eval") bootFailed(`the Content-Security-Policy blocks ${event.blockedURI}`);
});

// The parent page of an embedding gets the app's height, so it can size the iframe; the
// message carries nothing else. From the parent we take one request, checked before use.
function postHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.scrollHeight);
  window.parent.postMessage({ type: "folkevalgt-quiz:height", height }, "*");
}

if (window.parent !== window) {
  new ResizeObserver(postHeight).observe(document.documentElement);
  window.addEventListener("message", (event) => {
    const data = event.data;
    const valid = event.source === window.parent && data !== null && typeof data === "object"
      && Object.keys(data).length === 1 && data.type === "folkevalgt-quiz:get-height";
    if (valid) postHeight();
  });
}

watchDownloads();

if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
  bootFailed("no WebAssembly");
  throw new Error("WebAssembly is not available: Python cannot start");
}

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
