// Starts the app. The main thread keeps the page a page: the prerendered screen stays readable
// and scrollable while Pyodide and the engine start in a PyScript worker; the worker reports
// progress and failures over a BroadcastChannel; when it is ready, shell.mjs takes over.

import {
  APP_ID, DEFAULT_LANG, LANGUAGES, RESIZER_CONTEXT, STORAGE_PREFIX as PREFIX,
} from "./names.mjs";
import { prerendered } from "./prerendered.mjs";

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

// What to say when the app cannot start, by cause: a download that failed (the network), saved
// data the engine could not start on (offer to set it aside and start: never "update your
// browser"), else the browser. The texts are in #boot-status's data-* (web/build/pages.py).
function failureText(status, reason, cause) {
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
  const network = cause === "network" || /HTTP \d|Failed to fetch|NetworkError|Load failed/.test(reason);
  return [status.dataset[network ? `network${lang}` : `failed${lang}`]];
}

// When Python cannot start (no WebAssembly, a failed download, out of memory, an error in the
// worker), say so in Norwegian with what to do, instead of loading for ever. The prerendered
// page stays readable.
function bootFailed(reason, cause = "") {
  if (document.documentElement.classList.contains("app-ready")) return;
  const status = document.getElementById("boot-status");
  status.replaceChildren(...failureText(status, String(reason), cause));
  document.documentElement.dataset.bootCause = cause || "browser";
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

// Download progress on a first visit: real bytes of the total, beside the readable page.
function progressLine() {
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
  return { counting, add: (bytes) => { done += bytes; show(); } };
}

// Until the worker answers, the prerendered screens (home and every quiz's story, in both
// languages) follow the address, so links work at once.
function showPrerendered() {
  if (document.documentElement.classList.contains("app-ready")) return;
  const page = prerendered(location.hash, language());
  if (page !== null) document.getElementById("app").innerHTML = page;
}

if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
  bootFailed("no WebAssembly");
  throw new Error("WebAssembly is not available: Python cannot start");
}

const memoryOnly = storageBlocked();
if (memoryOnly) {
  const { default: memoryIndexedDB } = await import("./vendor/fake-indexeddb/fakeIndexedDB.js");
  Object.defineProperty(window, "indexedDB", { value: memoryIndexedDB, configurable: true });
  document.documentElement.dataset.storage = "memory";
}
showPrerendered();
window.addEventListener("hashchange", showPrerendered);
// A tap on a button of a prerendered screen ("Start", a language) is kept and done as soon as
// the engine is there, instead of being lost.
let early = null;
const keepEarlyTap = (event) => {
  const button = event.target.closest("[data-action]");
  if (button === null || button.tagName === "FORM") return;
  const { action, ...data } = button.dataset;
  early = { address: location.hash, action, data };
};
document.getElementById("app").addEventListener("click", keepEarlyTap);

const progress = progressLine();
const channelName = `${APP_ID}:boot:${crypto.randomUUID?.() ?? Math.random()}`;
const channel = new BroadcastChannel(channelName);
channel.onmessage = ({ data }) => {
  if (data.bytes) progress.add(data.bytes);
  if (data.failed) bootFailed(data.failed);
  if (data.snapshot) {
    document.documentElement.dataset.snapshot = data.snapshot;
    performance.mark(`quiz:snapshot-${data.snapshot}`);
  }
};

// Switched off with ?snapshot=off or localStorage "<prefix>snapshot" = "off", and
// where storage is memory only (a snapshot would never be there next time).
const snapshotOff = new URLSearchParams(location.search).get("snapshot") === "off"
  || stored("snapshot") === "off" || memoryOnly;
const query = new URLSearchParams({ channel: channelName });
if (snapshotOff) query.set("snapshot", "off");
if (memoryOnly) query.set("memory", "1");
if (progress.counting) query.set("count", "1");

const script = document.createElement("script");
script.type = "py";
script.src = "./worker.py";
script.setAttribute("worker", "");
script.setAttribute("name", "engine");
script.setAttribute("config", JSON.stringify({
  // Absolute: PyScript imports it inside a worker made from a blob: URL. The fragment carries
  // what the worker needs to know; it ends in "/" (see pyodide/snapshot.mjs).
  interpreter: new URL(`./pyodide/snapshot.mjs#${query}/`, location.href).href,
  // No `files`: pyodide/snapshot.mjs fetches app.zip while Pyodide starts and unpacks it.
}));
document.body.append(script);

// Launched by an LMS (a SCORM package, ?sco=): no service worker. The LMS serves the files
// from a path that changes with every upload of the package, and it is online anyway (it has
// to be, to record the result); see README, "SCORM package".
if (!new URLSearchParams(location.search).has("sco")) {
  window.addEventListener(
    "quiz-ready",
    () => import("./offline.mjs").then((offline) => offline.registerOffline()),
    { once: true },
  );
}

try {
  await import("./pyscript/core.js");
  // PyScript sets `xworker` on the element as it starts the worker.
  for (let waited = 0; !script.xworker; waited += 10) {
    if (waited > 30_000) throw new Error("PyScript did not start the engine's worker");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  script.xworker.addEventListener("error", (event) => bootFailed(event.message || "worker error"));
  await script.xworker.ready;
  const { runShell } = await import("./shell.mjs");
  // The channel stays open: the snapshot for next time is stored after the app is ready.
  document.getElementById("app").removeEventListener("click", keepEarlyTap);
  await runShell(script.xworker.sync, () => early);
} catch (error) {
  bootFailed(String(error), error?.stage === "begin" ? "damaged" : "");
}
