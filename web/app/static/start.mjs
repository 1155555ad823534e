// Starts the app. The main thread keeps the page a page: the prerendered screen stays readable
// and scrollable while Pyodide and the engine start in a PyScript worker; when it is ready,
// shell.mjs takes over. What Python needs is fetched (and the .wasm compiled) from the first
// moment, here (runtime.mjs; on a first visit boot.js has asked for the biggest two already),
// and handed to the worker as it arrives (worker-port.mjs).

import { DEFAULT_LANG, LANGUAGES, RESIZER_CONTEXT, STORAGE_PREFIX as PREFIX } from "./names.mjs";
import { FILES, FIRST_VISIT, LMS_LAUNCH, fetchRuntime } from "./runtime.mjs";
import { connect, settledAfterStart } from "./worker-port.mjs";

// Where the browser denies this page storage (a third-party iframe with third-party cookies
// blocked, as in Chromium's default here and every Incognito window), PyScript would wait for
// ever on IndexedDB: it gets an in-memory one. The app then runs, keeps progress in memory
// only, and says so.
function storageBlocked() {
  try {
    const probe = `${PREFIX}probe`;
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return !("indexedDB" in window) || window.indexedDB === null;
  } catch {
    return true;
  }
}

function stored(key) {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

// ?lang=nn opens the app in nynorsk (an embedding, a link), without changing what is stored.
const askedLanguage = new URLSearchParams(location.search).get("lang");
const language = () => {
  if (LANGUAGES.includes(askedLanguage)) return askedLanguage;
  return LANGUAGES.includes(stored("lang")) ? stored("lang") : DEFAULT_LANG;
};

const status = document.getElementById("boot-status");
const text = (name) => status.dataset[`${name}${language() === "nn" ? "Nn" : "Nb"}`] ?? "";

// What to say when the app cannot start, by cause: a download that failed (the network), saved
// data the engine could not start on (offer to set it aside and start: never "update your
// browser"), else the browser. The texts are in #boot-status's data-* (quiz_engine/site/pages.py).
function failureText(status, cause) {
  const lang = language() === "nn" ? "Nn" : "Nb";
  if (cause === "damaged") {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button primary";
    button.textContent = status.dataset[`setAside${lang}`];
    button.addEventListener("click", () => {
      // Every record of the app moves under aside: (never deleted), then a clean start.
      const now = Date.now();
      for (const key of Object.keys(window.localStorage)) {
        const name = key.slice(PREFIX.length);
        if (!key.startsWith(PREFIX) || name.startsWith("aside:") || name === "lang") continue;
        window.localStorage.setItem(`${PREFIX}aside:${name}:${now}`, window.localStorage.getItem(key));
        window.localStorage.removeItem(key);
      }
      location.reload();
    });
    return [status.dataset[`damaged${lang}`], " ", button];
  }
  return [status.dataset[cause === "network" ? `network${lang}` : `failed${lang}`]];
}

// When Python cannot start (no WebAssembly, a failed download, out of memory, an error in the
// worker), say so in Norwegian with what to do, at the top of the page, instead of loading for
// ever. The prerendered page stays readable.
function bootFailed(reason, cause = "") {
  if (document.documentElement.classList.contains("app-ready")) return;
  if (document.documentElement.dataset.boot !== "failed") {
    const why = cause || (/HTTP \d|Failed to fetch|NetworkError|Load failed/.test(String(reason)) ? "network" : "browser");
    status.replaceChildren(...failureText(status, why));
    document.documentElement.dataset.bootCause = why;
    status.setAttribute("role", "alert");
    status.classList.add("boot-failed");
    document.documentElement.dataset.boot = "failed";
    rest();
    for (const button of document.querySelectorAll("[data-starting]")) calm(button);
    performance.mark("quiz:boot-failed");
  }
  console.warn("the app could not start:", reason);
}

window.addEventListener("quiz-boot-failed", (event) => bootFailed(event.detail), { once: true });
// A server header stricter than our policy (no 'unsafe-eval') stops PyScript inside its own code.
document.addEventListener("securitypolicyviolation", (event) => {
  if (event.blockedURI === "eval") bootFailed(`the Content-Security-Policy blocks ${event.blockedURI}`);
});

// Download progress on a first visit: real bytes of the total, beside the readable page; once
// everything is in, "Gjør klar verktøyet …" while Python starts.
function progressLine() {
  const total = Number(status.dataset.total);
  const counting = total > 0 && FIRST_VISIT;
  // Megabytes with one decimal, written as Norwegian writes them ("4,7"): by hand, since a
  // locale's number format loads its data first, a long task on a slow tablet's start.
  const mb = (bytes) => (bytes / 1e6).toFixed(1).replace(".", ",");
  let done = 0;
  let drawn = null;
  let pending = false;
  const show = () => {
    pending = false;
    if (document.documentElement.dataset.boot === "failed") return;
    status.dataset.done = String(done);
    const line = done < total
      ? text("download").replace("{done}", mb(done)).replace("{total}", mb(total))
      : text("loading");
    if (line !== drawn) status.textContent = drawn = line; // a new text only when it changes
    if (done >= total) status.dataset.doneAt ??= String(performance.now());
  };
  if (counting) show();
  // Chunks come many per frame: the line is drawn at most once per frame, and at once when
  // everything is in.
  const add = (bytes) => {
    done += bytes;
    if (done >= total) show();
    else if (!pending) {
      pending = true;
      requestAnimationFrame(show);
    }
  };
  return { counting, add };
}

// Where the status line rests: under the page, or at its top once Python has failed.
function rest() {
  const app = document.getElementById("app");
  if (document.documentElement.dataset.boot === "failed") app.before(status);
  else app.after(status);
}

// A tap on "Start" before the engine is there shows at once that it is working, and the
// progress line moves beside it, where the eye is.
function busy(button) {
  if (button.dataset.starting !== undefined) return;
  button.dataset.starting = button.textContent;
  button.textContent = text("starting");
  button.setAttribute("aria-disabled", "true");
  if (document.documentElement.dataset.boot !== "failed") button.parentElement.after(status);
}
function calm(button) {
  button.textContent = button.dataset.starting;
  delete button.dataset.starting;
  button.removeAttribute("aria-disabled");
}

if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
  bootFailed("no WebAssembly");
  throw new Error("WebAssembly is not available: Python cannot start");
}

// First of all: what Python needs, downloading.
const progress = progressLine();
const runtime = fetchRuntime({
  count: progress.counting ? progress.add : null,
  failed: bootFailed,
});
const prerendering = import("./prerendered.mjs");

const memoryOnly = storageBlocked();
if (memoryOnly) {
  const { default: memoryIndexedDB } = await import("./vendor/fake-indexeddb/fakeIndexedDB.js");
  Object.defineProperty(window, "indexedDB", { value: memoryIndexedDB, configurable: true });
  document.documentElement.dataset.storage = "memory";
}
// Switched off with ?snapshot=off or localStorage "<prefix>snapshot" = "off", and
// where storage is memory only (a snapshot would never be there next time).
const settings = {
  snapshot: !(new URLSearchParams(location.search).get("snapshot") === "off"
    || stored("snapshot") === "off" || memoryOnly),
  memory: memoryOnly,
};

const script = document.createElement("script");
script.type = "py";
script.src = "./worker.py";
script.setAttribute("worker", "");
script.setAttribute("name", "engine");
script.setAttribute("config", JSON.stringify({
  // Absolute: PyScript imports it inside a worker made from a blob: URL. The same on every
  // load: PyScript names an IndexedDB database after it (see pyodide/snapshot.mjs). No
  // `files`: the worker is handed app.zip and unpacks it itself.
  interpreter: new URL("./pyodide/snapshot.mjs", location.href).href,
}));
document.body.append(script);
const pyscript = import("./pyscript/core.js");

const settled = settledAfterStart();
let connected = false;
const wire = (xworker) => {
  if (connected) return;
  connected = true;
  xworker.addEventListener("error", (event) => bootFailed(event.message || "worker error"));
  connect(xworker, runtime, settings, settled, {
    failed: bootFailed,
    snapshot(what) {
      document.documentElement.dataset.snapshot = what;
      performance.mark(`quiz:snapshot-${what}`);
    },
    pyscript: (what) => performance.mark(`quiz:pyscript-${what}`),
  });
};
// PyScript calls this as it makes the worker, before the worker can say anything (it makes
// it only once its plugins have loaded, after this module's own evaluation).
pyscript.then(({ hooks }) => hooks.main.onWorker.add((_, xworker) => wire(xworker)), () => {});

// Embedded in another page (an intranet's iframe): the frame sizes itself to the app, speaking
// H5P's iframe-resizer protocol, so a page that already has h5p-resizer.js (or our embed.js)
// needs nothing new. On load we say "hello"; once the parent answers "hello", each change of
// height is "prepareResize" with the body's heights; on the parent's "resizePrepared" we send
// "resize" with the height; the parent's "resize" (its window changed) asks again. Messages
// carry only heights, never answers, and only messages from the parent window are read.
// ?embed=1 leaves out the header and the footer (style.css).
if (window.parent !== window) {
  document.documentElement.dataset.framed = "";
  if (new URLSearchParams(location.search).get("embed") === "1") {
    document.documentElement.dataset.embed = "";
  }
  let friendly = false;
  const post = (action, heights = {}) => {
    window.parent.postMessage({ context: RESIZER_CONTEXT, action, ...heights }, "*");
  };
  const prepare = () => {
    if (!friendly) {
      post("hello");
      return;
    }
    const { scrollHeight, clientHeight } = document.body;
    post("prepareResize", { scrollHeight, clientHeight });
  };
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.source !== window.parent || data === null || typeof data !== "object"
      || data.context !== RESIZER_CONTEXT) return;
    if (data.action === "hello") {
      friendly = true;
      prepare();
    } else if (data.action === "resizePrepared") {
      post("resize", { scrollHeight: document.body.scrollHeight });
    } else if (data.action === "resize") {
      prepare();
    }
  });
  let waiting = false;
  new ResizeObserver(() => {
    // One message per frame however many boxes changed.
    if (waiting) return;
    waiting = true;
    requestAnimationFrame(() => {
      waiting = false;
      prepare();
    });
  }).observe(document.body);
}

// Until the worker answers, the prerendered screens (home and every quiz's story, in both
// languages) follow the address, so links work at once.
const { prerendered } = await prerendering;
function showPrerendered() {
  if (document.documentElement.classList.contains("app-ready")) return;
  const page = prerendered(location.hash, language());
  if (page === null) return;
  rest(); // it may sit beside a button of the screen about to go
  document.getElementById("app").innerHTML = page;
}
showPrerendered();
window.addEventListener("hashchange", showPrerendered);
// A tap on a button of a prerendered screen ("Start", a language) is kept and done as soon as
// the engine is there, instead of being lost.
let early = null;
const keepEarlyTap = (event) => {
  const button = event.target.closest("[data-action]");
  if (button === null || button.tagName === "FORM") return;
  const { action, starting, ...data } = button.dataset;
  if (starting !== undefined) return;
  early = { address: location.hash, action, data };
  if (action === "start" && document.documentElement.dataset.boot !== "failed") busy(button);
};
document.getElementById("app").addEventListener("click", keepEarlyTap);

// Versions before this one named PyScript's package cache (an IndexedDB database PyScript
// opens in the worker, named after the interpreter's URL) after a URL that changed with every
// load: one more database per load, never deleted. Delete what they left behind, once ready.
window.addEventListener("quiz-ready", async () => {
  const old = `IDBMap/${new URL("./pyodide/snapshot.mjs#", location.href).href}`;
  try {
    for (const { name } of await window.indexedDB.databases()) {
      if (name?.startsWith(old)) window.indexedDB.deleteDatabase(name);
    }
  } catch {
    // No list of databases (an older browser, storage in memory): nothing to tidy.
  }
}, { once: true });

// Launched by an LMS (a SCORM package, ?sco=): no offline service worker. The LMS serves the
// files from a path that changes with every upload of the package, and it is online anyway (it
// has to be, to record the result); see README, "SCORM package". The package's own small
// worker keeps only the .wasm, so the browser can keep the compiled code.
if (!LMS_LAUNCH) {
  window.addEventListener(
    "quiz-ready",
    () => import("./offline.mjs").then((offline) => offline.registerOffline()),
    { once: true },
  );
} else {
  window.addEventListener(
    "quiz-ready",
    () => import("./lms-cache.mjs").then((cache) => cache.keepCompiledRuntime(FILES.wasm)),
    { once: true },
  );
}

try {
  await pyscript;
  // PyScript sets `xworker` on the element as it starts the worker.
  for (let waited = 0; !script.xworker; waited += 10) {
    if (waited > 30_000) throw new Error("PyScript did not start the engine's worker");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  wire(script.xworker);
  await script.xworker.ready;
  const { runShell } = await import("./shell.mjs");
  document.getElementById("app").removeEventListener("click", keepEarlyTap);
  rest(); // the shell redraws #app
  await runShell(script.xworker.sync, () => early);
} catch (error) {
  bootFailed(String(error), error?.stage === "begin" ? "damaged" : "");
}
