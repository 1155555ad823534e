// The main thread's shell: a thin DOM and storage adapter. It sends what the councillor does
// to the engine's worker as plain JSON and applies the answer: the screen, the title, what to
// store, where focus goes, what to announce. Every rule of the quiz lives in the engine
// (quiz_engine/app/, composed of the quiz, the seminar and the LMS parts), which tests drive
// on CPython.

import { connectLMS } from "./lms.mjs";
import {
  LANGUAGES, LMS_WAITING_NOTICE, PENDING_DRAFT, STORAGE_FULL_NOTICE, STORAGE_NOTICE,
  STORAGE_PREFIX as PREFIX, UPDATE_NOTICE,
} from "./names.mjs";
import { seminarApplied, wireSeminar } from "./seminar.mjs";

// localStorage when the browser allows it, memory when it doesn't (private mode, a third-party
// frame). When the storage is full, what is there is still read (the councillor's answers show)
// and new values are kept in memory. Nothing here understands what it stores.
const quota = (error) => error?.name === "QuotaExceededError" || [22, 1014].includes(error?.code);

function makeStore() {
  const memory = new Map(); // what could not be written (null: removed)
  let local = null;
  let writable = false;
  let full = false;
  try {
    local = window.localStorage;
    const probe = `${PREFIX}probe`;
    local.setItem(probe, "1");
    local.removeItem(probe);
    writable = true;
  } catch (error) {
    full = local !== null && quota(error);
    if (!full) local = null;
  }
  const ownKeys = () => {
    const keys = [];
    try {
      for (let i = 0; i < local.length; i += 1) {
        const key = local.key(i);
        if (key?.startsWith(PREFIX)) keys.push(key);
      }
    } catch {
      // unreadable now: memory alone
    }
    return keys;
  };
  return {
    get persistent() { return writable; },
    get full() { return full; },
    read(key) {
      if (memory.has(key)) return memory.get(key);
      if (local === null) return null;
      try {
        return local.getItem(PREFIX + key);
      } catch {
        return null;
      }
    },
    records() {
      const out = {};
      if (local !== null) {
        for (const key of ownKeys()) out[key.slice(PREFIX.length)] = local.getItem(key);
      }
      for (const [key, value] of memory) {
        if (value === null) delete out[key]; else out[key] = value;
      }
      return out;
    },
    // False when the value could only be kept in memory.
    write(key, value) {
      memory.set(key, value);
      if (!writable) return false;
      try {
        if (value === null) local.removeItem(PREFIX + key); else local.setItem(PREFIX + key, value);
        memory.delete(key);
        return true;
      } catch (error) {
        writable = false;
        full = quota(error);
        return false;
      }
    },
    // The about screen's "delete my data": exactly the keys under the app's prefix.
    clear() {
      memory.clear();
      if (local === null) return;
      for (const key of ownKeys()) {
        try {
          local.removeItem(key);
        } catch {
          // nothing more to do
        }
      }
    },
  };
}

// How long typing in a reflection pauses before the text goes to the engine.
const DRAFT_PAUSE_MS = 600;

// The device's own date, YYYY-MM-DD (the printable result shows it). Written by hand: the
// first toLocaleDateString loads a locale's data, a long task on a slow tablet's start.
const today = () => {
  const now = new Date();
  const two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
};

// A file the engine wrote (the seminar's spreadsheet), offered as a link to a Blob: the element
// the engine names gets the address; the last one is let go when another is made.
let offered = null;
function offer(download) {
  if (!download) return;
  if (offered !== null) URL.revokeObjectURL(offered);
  offered = URL.createObjectURL(new Blob([download.text], { type: download.type }));
  document.getElementById(download.id)?.setAttribute("href", offered);
}

export async function runShell(engine, earlyTap = () => null) {
  const store = makeStore();
  const root = document.getElementById("app");
  const notices = document.getElementById("notices");
  let queue = Promise.resolve();

  const focus = (selector) => {
    const element = (selector && document.querySelector(selector)) || document.querySelector("#main h1");
    if (element?.dataset.scroll === "start") {
      // The verdict after "Svar": to the top of the view, not wherever focus would leave it
      // (at the bottom edge of a phone or a tablet held sideways).
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: "start" });
      return;
    }
    // A projector's step button: the room's view stays where it is.
    element?.focus({ preventScroll: element.dataset.scroll === "none" });
  };
  const say = (text) => {
    const region = document.getElementById("announce");
    region.textContent = "";
    // A new text node each time, so screen readers announce a repeated grade again.
    setTimeout(() => { region.textContent = text; }, 50);
  };

  function apply(json) {
    const out = JSON.parse(json);
    let lost = false;
    if (out.forget) {
      store.clear();
      if (draft !== null) clearTimeout(draft.timer);
      draft = null;
    }
    for (const [key, value] of Object.entries(out.writes)) lost = !store.write(key, value) || lost;
    // Reported after the page has drawn, never before (lms.mjs).
    if (out.lms) lms?.report?.(out.lms);
    if (out.redirect !== null) {
      location.replace(out.redirect); // the hashchange draws it
      return lost;
    }
    if (out.go !== null) {
      location.hash = out.go; // the hashchange draws it
      return lost;
    }
    if (out.page !== null) {
      root.innerHTML = out.page;
      document.title = out.title;
      document.documentElement.lang = out.lang;
      // Which address the screen shows: tests wait on it instead of sleeping.
      document.body.dataset.rendered = out.rendered;
    }
    if (out.notices !== null) notices.innerHTML = out.notices;
    offer(out.download);
    const focused = document.activeElement?.id;
    for (const [id, html] of Object.entries(out.parts ?? {})) {
      const part = document.getElementById(id);
      if (part) part.innerHTML = html;
    }
    // A part redrawn under the focus gives it back to the same control.
    if (focused && document.activeElement === document.body) document.getElementById(focused)?.focus();
    if (out.form_error !== null) {
      const form = root.querySelector("form[data-action=answer]");
      const box = form?.querySelector(".form-error");
      if (box) {
        box.textContent = out.form_error;
        box.hidden = false;
        form.querySelector("input:not([disabled])")?.focus();
      }
    }
    // Before focus: a fold the seminar opens again may hold the control that gets the focus.
    seminarApplied(root, send);
    if (out.focus !== null) focus(out.focus);
    if (out.announce) say(out.announce);
    return lost;
  }

  // One message at a time, in order: a fast second tap never overtakes the first. While the
  // engine works, the page says it is busy (and which address it shows is unknown: tests wait
  // for it, and so see the answer, not the screen before it).
  let pending = 0;
  // A quiet message (the seminar timer's tick) leaves the page's busy state alone.
  const sendNow = (message, quiet = false) => {
    const shown = document.body.dataset.rendered;
    pending += 1;
    if (!quiet) {
      root.setAttribute("aria-busy", "true");
      document.body.dataset.rendered = "";
    }
    queue = queue.then(async () => {
      // The device's clock rides along: the seminar's timer and an LMS's latencies use it.
      const sent = { address: location.hash, today: today(), now: Date.now(), ...message };
      const answer = await engine.dispatch(JSON.stringify(sent));
      const out = JSON.parse(answer);
      if (!quiet && out.page === null && out.go === null && out.redirect === null) {
        document.body.dataset.rendered = shown;
      }
      if (apply(answer) && !warned) {
        warned = true;
        const key = store.full ? STORAGE_FULL_NOTICE : STORAGE_NOTICE;
        apply(await engine.dispatch(JSON.stringify({ type: "notice", key })));
      }
    }).catch((error) => {
      if (!quiet) document.body.dataset.rendered = shown;
      console.error("the engine could not answer:", error);
    }).finally(() => {
      pending -= 1;
      if (pending === 0) root.removeAttribute("aria-busy");
    });
    return queue;
  };
  // A reflection's text waiting for a pause in the typing goes first, before anything else the
  // engine is asked, so a redraw never shows the text as it was before.
  let draft = null;
  const flushDraft = () => {
    if (draft === null) return;
    clearTimeout(draft.timer);
    const { message, pending } = draft;
    draft = null;
    sendNow(message, true).then(() => {
      if (store.read(PENDING_DRAFT) === pending) store.write(PENDING_DRAFT, null);
    });
  };
  const send = (message, quiet = false) => {
    flushDraft();
    return sendNow(message, quiet);
  };
  let warned = !store.persistent;

  // Launched as a SCO by an LMS: the engine decides what it is told (quiz_engine/app/lms/).
  // When the LMS stops taking the values (or takes them again), the engine says so calmly.
  const lms = connectLMS((state) => {
    send({ type: "notice", key: LMS_WAITING_NOTICE, off: state !== "waiting" }, true);
  });
  const env = {
    today: today(),
    ...(lms?.failed === false && {
      lms: lms.quiz, suspend: lms.suspendData, learner: lms.learner, entry: lms.entry,
    }),
    ...(lms?.failed && { lms_failed: true }),
    ...(window.parent !== window && { framed: true }),
    ...(store.full && { storage: "full" }),
  };
  if (lms?.failed === false) window.addEventListener("pagehide", () => lms.finish());
  // ?lang=nn (an embedding, a link) chooses the language for this page without storing it.
  const records = store.records();
  const asked = new URLSearchParams(location.search).get("lang");
  if (LANGUAGES.includes(asked)) records.lang = asked;
  let first;
  try {
    first = await engine.begin(
      JSON.stringify(records), store.persistent, Date.now(), location.hash, JSON.stringify(env),
    );
  } catch (error) {
    // The engine could not start on what this device holds (start.mjs offers to set it aside).
    throw Object.assign(new Error(`the engine could not begin: ${error}`), { stage: "begin" });
  }
  apply(first);

  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button === null || button.tagName === "FORM") return;
    const { action, ...data } = button.dataset;
    if (action === "print") {
      window.print(); // the printable result's button: the browser's own dialogue
      return;
    }
    send({ type: "click", action, data, seed: Math.floor(Math.random() * 2 ** 31), now: Date.now() });
  });
  root.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.dataset.action !== "answer") return;
    event.preventDefault();
    const values = (name) => [...form.querySelectorAll(`[name=${name}]:checked`)].map((el) => el.value);
    send({
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
  // A reflection's text: kept at once in a record of its own, so a reload right after typing
  // loses nothing (the engine takes it over at the next start); sent to the engine quietly once
  // the typing pauses, not on every keystroke.
  root.addEventListener("input", (event) => {
    const question = event.target.getAttribute("data-draft");
    if (!question) return;
    const message = { type: "draft", address: location.hash, question, text: event.target.value };
    const pending = JSON.stringify({ address: message.address, question, text: message.text });
    store.write(PENDING_DRAFT, pending);
    if (draft !== null) clearTimeout(draft.timer);
    draft = { message, pending, timer: setTimeout(flushDraft, DRAFT_PAUSE_MS) };
  });
  window.addEventListener("hashchange", () => send({ type: "show", focus: "heading" }));
  wireSeminar(root, send);
  notices.addEventListener("click", (event) => {
    if (event.target.closest("[data-update]")) {
      // Progress is already saved after every answer; the new version reads it back.
      window.dispatchEvent(new Event("quiz-apply-update"));
      return;
    }
    const button = event.target.closest("[data-dismiss]");
    if (button) send({ type: "dismiss", index: Number(button.dataset.dismiss) });
  });
  const offerUpdate = () => send({ type: "notice", key: UPDATE_NOTICE });
  window.addEventListener("quiz-update-waiting", offerUpdate);
  // Another tab saved a record (progress, a seminar, a table's sheet): the engine merges it
  // with this tab's and writes back what this tab adds, so neither writes over the other.
  window.addEventListener("storage", (event) => {
    if (typeof event.key === "string" && event.key.startsWith(PREFIX)) {
      // Quiet: not the councillor's move, so it leaves the page's busy state alone.
      send({ type: "stored", key: event.key.slice(PREFIX.length), value: event.newValue }, true);
    }
  });

  const tap = earlyTap();
  if (tap !== null && tap.address === location.hash) {
    send({ type: "click", action: tap.action, data: tap.data, seed: Math.floor(Math.random() * 2 ** 31) });
  }
  document.documentElement.classList.add("app-ready");
  performance.mark("quiz:interactive");
  // Now, and not before: offline.mjs registers the service worker (see start.mjs).
  window.dispatchEvent(new Event("quiz-ready"));
  // Safari deletes a site's storage after seven days without a visit unless it is installed
  // or persisted: ask once the app is ready (the about screen says what this means).
  if (store.persistent) navigator.storage?.persist?.().catch(() => {});
}
