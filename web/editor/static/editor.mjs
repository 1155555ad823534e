// The editor's shell: a thin DOM, storage and file adapter, like the app's shell.mjs. It sends
// what the writer does to the editor's worker as plain JSON and applies the answer: the page or
// its parts, the problem beside each field, what to store, where focus goes, what to announce,
// the preview (drawn in its frame), a file to save. Every rule lives in the engine
// (quiz_engine/editor/), which tests drive on CPython.

import { EDITOR_PREFIX as PREFIX } from "./names.mjs";

const root = document.getElementById("app");
const notices = document.getElementById("notices");
const status = document.getElementById("boot-status");
const language = () => (document.documentElement.lang === "nn" ? "nn" : "nb");

// localStorage when the browser allows it, memory when it does not.
function makeStore() {
  const memory = new Map();
  let local = null;
  try {
    window.localStorage.setItem(`${PREFIX}probe`, "1");
    window.localStorage.removeItem(`${PREFIX}probe`);
    local = window.localStorage;
  } catch {
    local = null;
  }
  return {
    get persistent() { return local !== null; },
    records() {
      if (local === null) return Object.fromEntries(memory);
      const out = {};
      for (let i = 0; i < local.length; i += 1) {
        const key = local.key(i);
        if (key?.startsWith(PREFIX)) out[key.slice(PREFIX.length)] = local.getItem(key);
      }
      return out;
    },
    write(key, value) {
      if (value === null) memory.delete(key); else memory.set(key, value);
      if (local === null) return false;
      try {
        if (value === null) local.removeItem(PREFIX + key); else local.setItem(PREFIX + key, value);
        return true;
      } catch {
        local = null;
        return false;
      }
    },
  };
}

function failed(reason) {
  status.textContent = status.dataset[language() === "nn" ? "failedNn" : "failedNb"];
  status.setAttribute("role", "alert");
  status.hidden = false;
  document.documentElement.dataset.boot = "failed";
  console.warn("the editor could not start:", reason);
}

// The worker: one call at a time, answered in order.
const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
const waiting = new Map();
let nextId = 0;
worker.onmessage = ({ data }) => {
  if (data.failed) failed(data.failed);
  if (data.step) performance.mark(`editor:${data.step}`, { startTime: data.at - performance.timeOrigin });
  const call = waiting.get(data.id);
  if (call === undefined) return;
  waiting.delete(data.id);
  if ("error" in data) call.reject(new Error(data.error)); else call.resolve(data.answer);
};
worker.onerror = (event) => failed(event.message || "worker error");
const call = (name, ...args) => new Promise((resolve, reject) => {
  nextId += 1;
  waiting.set(nextId, { resolve, reject });
  worker.postMessage({ id: nextId, call: name, args });
});

const store = makeStore();
const today = () => new Date().toLocaleDateString("sv-SE");
let shown = location.hash;
let preview = null; // the preview's last drawing, drawn again when its frame (re)loads
let warned = !store.persistent;
let lastText = null; // the text field a placeholder goes into

const say = (text, region = document.getElementById("announce")) => {
  region.textContent = "";
  setTimeout(() => { region.textContent = text; }, 50);
};

function focus(selector) {
  const element = (selector && document.querySelector(selector)) || document.querySelector("#main h1");
  element?.focus();
}

function showProblems(problems) {
  for (const slot of root.querySelectorAll(".field-problem[id^='problem-']")) {
    const text = problems[slot.id];
    if (text === undefined) continue;
    slot.textContent = text;
    slot.hidden = !text;
    const field = document.getElementById(`f-${slot.id.slice("problem-".length)}`);
    if (field && field.matches("input, textarea, select")) {
      if (text) field.setAttribute("aria-invalid", "true"); else field.removeAttribute("aria-invalid");
    }
  }
}

function save(file) {
  const link = document.createElement("a");
  let body = file.bytes ?? file.text;
  if (file.base64 !== undefined) body = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  link.href = URL.createObjectURL(new Blob([body], { type: file.type }));
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

// ``sentFrom`` is the address the message was sent from: an answer that moves to another
// address (``go``) does so only if the writer has not moved on meanwhile.
function apply(json, fromPreview = false, sentFrom = location.hash) {
  const out = JSON.parse(json);
  let lost = false;
  for (const [key, value] of Object.entries(out.writes)) lost = !store.write(key, value) || lost;
  if (out.page !== null) {
    root.innerHTML = out.page;
    document.title = out.title;
    document.documentElement.lang = out.lang;
    wirePreview();
  }
  if (out.rendered !== null) document.body.dataset.rendered = out.rendered;
  if (out.go !== null && out.go !== location.hash && location.hash === sentFrom) {
    history.pushState(null, "", out.go);
  }
  shown = location.hash;
  if (out.notices !== null) notices.innerHTML = out.notices;
  const focused = document.activeElement?.id;
  for (const [id, html] of Object.entries(out.parts)) {
    const part = document.getElementById(id);
    if (part) part.innerHTML = html;
  }
  if (focused && document.activeElement === document.body) document.getElementById(focused)?.focus();
  if (out.problems !== null) showProblems(out.problems);
  if (out.focus !== null) focus(out.focus);
  if (out.announce) say(out.announce);
  if (out.download !== null) save(out.download);
  if (out.preview !== null) drawPreview(out.preview, fromPreview);
  if (out.build) buildSite();
  return lost;
}

// One message at a time, in order. Typing sends an edit per keystroke; while the engine works,
// a newer value of the same field replaces one still waiting, so the engine never falls behind.
const queue = [];
let running = false;
function send(message) {
  const sent = { address: location.hash, ...message };
  const last = queue[queue.length - 1];
  if (last && ["edit", "text"].includes(sent.type) && last.type === sent.type
    && last.path === sent.path && last.file === sent.file && last.address === sent.address) {
    queue[queue.length - 1] = sent;
    return;
  }
  queue.push(sent);
  pump();
}
async function pump() {
  if (running) return;
  running = true;
  document.body.dataset.busy = "true";
  while (queue.length) {
    const message = queue.shift();
    try {
      const answer = await call("dispatch", JSON.stringify({ today: today(), ...message }));
      if (apply(answer, message.type === "preview", message.address) && !warned) {
        warned = true;
        apply(await call("dispatch", JSON.stringify({ type: "notice", key: "storage" })));
      }
    } catch (error) {
      console.error("the editor could not answer:", error);
    }
  }
  running = false;
  delete document.body.dataset.busy;
}

// The finished edition, built in the worker; the page stays usable meanwhile.
// A failure is said beside the button, where the writer looks, as well as to screen readers.
async function buildSite() {
  document.body.dataset.building = "true";
  const section = root.querySelector("[data-built]");
  section?.querySelector(".site-failed")?.remove();
  try {
    const built = await call("site");
    if (built.name) {
      save({ name: built.name, bytes: built.bytes, type: "application/zip" });
      say(section?.dataset.built ?? "");
    }
  } catch (error) {
    console.error("the edition could not be built:", error);
    const failed = section?.dataset.failed ?? "";
    if (section) {
      const shown = document.createElement("p");
      shown.className = "field-problem site-failed";
      shown.textContent = failed;
      section.append(shown);
    }
    say(failed);
  } finally {
    delete document.body.dataset.building;
  }
}

// -- the preview: the app's own drawing, in a frame of its own ---------------------------------

function frameDocument() {
  const frame = root.querySelector("iframe.preview-frame");
  const doc = frame?.contentDocument;
  return doc && doc.getElementById("app") ? doc : null;
}

function drawPreview(drawn, interactive) {
  preview = drawn;
  const doc = frameDocument();
  if (doc === null) return; // drawn when the frame has loaded
  if (drawn.page !== null) {
    doc.getElementById("app").innerHTML = drawn.page;
    doc.title = drawn.title;
    doc.documentElement.lang = drawn.lang;
  }
  if (drawn.notices !== null) doc.getElementById("notices").innerHTML = drawn.notices;
  doc.body.dataset.rendered = drawn.address;
  if (!interactive) return; // a change in the forms never takes the focus away from them
  if (drawn.form_error !== null) {
    const box = doc.querySelector("form[data-action=answer] .form-error");
    if (box) {
      box.textContent = drawn.form_error;
      box.hidden = false;
    }
  }
  const target = (drawn.focus && doc.querySelector(drawn.focus)) || doc.querySelector("#main h1");
  target?.focus();
  if (drawn.announce) say(drawn.announce, doc.getElementById("announce"));
}

function toPreview(message) {
  send({ type: "preview", message: { address: preview?.address ?? "", today: today(), ...message } });
}

function wirePreview() {
  const frame = root.querySelector("iframe.preview-frame");
  if (!frame) return;
  frame.addEventListener("load", () => {
    const doc = frame.contentDocument;
    doc.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#/']");
      if (link) {
        event.preventDefault(); // the preview's own addresses stay in the preview
        toPreview({ type: "show", address: link.getAttribute("href"), focus: "heading" });
        return;
      }
      const button = event.target.closest("[data-action]");
      if (button === null || button.tagName === "FORM") return;
      const { action, ...data } = button.dataset;
      if (action !== "print") toPreview({ type: "click", action, data, seed: 1 });
    });
    doc.addEventListener("submit", (event) => {
      const form = event.target;
      event.preventDefault();
      if (form.dataset.action !== "answer") return;
      const values = (name) => [...form.querySelectorAll(`[name=${name}]:checked`)].map((el) => el.value);
      toPreview({
        type: "submit",
        form: {
          question: form.dataset.question,
          choices: values("choice"),
          ticked: values("ticked"),
          text: form.querySelector("textarea")?.value ?? "",
          confidence: form.querySelector("[name=confidence]:checked")?.value ?? null,
        },
      });
    });
    doc.addEventListener("input", (event) => {
      const question = event.target.getAttribute("data-draft");
      if (question) toPreview({ type: "draft", question, text: event.target.value });
    });
    if (preview !== null) drawPreview(preview, false);
  });
}

// -- files -----------------------------------------------------------------------------------

// Read as UTF-8 strictly, the byte order mark kept: the checker then says what it says about
// such a file on the command line.
async function openFiles(list) {
  const files = [];
  for (const file of [...list].slice(0, 21)) {
    if (file.size > 8_000_000) {
      files.push({ name: file.name, error: "size" });
      continue;
    }
    try {
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
      files.push({ name: file.name, text });
    } catch {
      files.push({ name: file.name, error: "encoding" });
    }
  }
  if (files.length) send({ type: "open", files });
}

// The edition's coat of arms: its bytes, as base64 (the engine checks it as the build does).
async function chooseArms(file) {
  if (!file) return;
  if (file.size > 8_000_000) {
    send({ type: "arms", name: file.name, data: "" });
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  send({ type: "arms", name: file.name, data: btoa(binary) });
}

// -- wiring ------------------------------------------------------------------------------------

function wire() {
  root.addEventListener("click", (event) => {
    const insert = event.target.closest("[data-insert-nb]");
    if (insert) {
      if (lastText === null || !document.contains(lastText)) {
        say(insert.closest("[data-none]")?.dataset.none ?? "");
        return;
      }
      const text = insert.dataset[lastText.lang === "nn" ? "insertNn" : "insertNb"];
      lastText.setRangeText(text, lastText.selectionStart, lastText.selectionEnd, "end");
      lastText.focus();
      lastText.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    const button = event.target.closest("[data-action]");
    if (button === null || button.tagName === "FORM") return;
    if (button.tagName === "A") event.preventDefault();
    const { action, ...data } = button.dataset;
    send({ type: "click", action, data });
  });
  root.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.dataset.action) return;
    event.preventDefault();
    const { action, ...data } = form.dataset;
    send({ type: "submit", action, form: { ...data, ...Object.fromEntries(new FormData(form)) } });
  });
  root.addEventListener("focusin", (event) => {
    if (event.target.matches("textarea[data-path][lang]")) lastText = event.target;
  });
  root.addEventListener("input", (event) => {
    const field = event.target;
    if (field.matches("[data-text]")) {
      send({ type: "text", value: field.value });
    } else if (field.dataset.path && !field.dataset.action && field.tagName !== "SELECT") {
      send({ type: "edit", path: field.dataset.path, file: field.dataset.file ?? "quiz", value: field.value });
    }
  });
  root.addEventListener("change", (event) => {
    const field = event.target;
    if (field.tagName === "SELECT" && field.dataset.path) {
      send({ type: "edit", path: field.dataset.path, file: field.dataset.file ?? "quiz", value: field.value });
    } else if (field.matches("[data-arms]")) {
      chooseArms(field.files[0]);
      field.value = "";
    } else if (field.matches("[data-open]")) {
      openFiles(field.files);
      field.value = "";
    }
  });
  root.addEventListener("dragover", (event) => {
    if (event.target.closest("[data-drop]")) event.preventDefault();
  });
  root.addEventListener("drop", (event) => {
    if (!event.target.closest("[data-drop]")) return;
    event.preventDefault();
    openFiles(event.dataTransfer.files);
  });
  const moved = () => {
    if (location.hash === shown) return;
    shown = location.hash;
    send({ type: "show", focus: "heading" });
  };
  window.addEventListener("hashchange", moved);
  window.addEventListener("popstate", moved);
  notices.addEventListener("click", (event) => {
    if (event.target.closest("[data-update]")) {
      window.dispatchEvent(new Event("editor-apply-update"));
      return;
    }
    const button = event.target.closest("[data-dismiss]");
    if (button) send({ type: "dismiss", index: Number(button.dataset.dismiss) });
  });
  // Another tab saved a draft: the engine takes it over, so this tab does not write over it.
  window.addEventListener("storage", (event) => {
    if (typeof event.key === "string" && event.key.startsWith(PREFIX)) {
      send({ type: "stored", key: event.key.slice(PREFIX.length), value: event.newValue });
    }
  });
}

// Offline after one visit: the editor's own service worker (./sw.js, scope redaktor/), once the
// editor is ready. A new version waits until the writer chooses to take it (drafts are kept).
function registerOffline() {
  if (!("serviceWorker" in navigator) || !store.persistent) return;
  navigator.serviceWorker.register("./sw.js").then((registration) => {
    const offer = () => send({ type: "notice", key: "update" });
    const watch = (worker) => worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offer();
    });
    if (registration.waiting && navigator.serviceWorker.controller) offer();
    registration.addEventListener("updatefound", () => watch(registration.installing));
    window.addEventListener("editor-apply-update", () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
      registration.waiting?.postMessage("skip-waiting");
    });
  }).catch((error) => console.warn("service worker not registered:", error));
}

try {
  const first = await call("begin", JSON.stringify(store.records()), store.persistent, Date.now(), location.hash);
  performance.mark("editor:begun");
  wire();
  status.hidden = true;
  apply(first);
  document.documentElement.classList.add("app-ready");
  performance.mark("editor:interactive");
  registerOffline();
} catch (error) {
  failed(String(error));
}
