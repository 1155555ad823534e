// The SCORM 1.2 adapter: finds the LMS's API object, passes on the CMI values the engine
// decides (quiz_engine/app/lms/policy.py: status, score, exit, saved progress; interactions.py:
// a row per answer), in the engine's order, and commits them. It knows nothing about what the
// values mean.
//
// Only a launch as a SCO looks for an LMS: the package's manifest launches index.html?sco=<id>
// (an intranet page that happens to have a window.API is never written to).

const SCO = /^[a-z0-9][a-z0-9-]{0,80}$/;
// The SCORM 1.2 run-time environment: the API is an object called "API" on a parent window
// (or the opener's); ADL's own sample walks at most 7 levels, LMSs nest deeper; 500 is the
// limit most content uses.
const MAX_LEVELS = 500;
const RETRY_MS = 10_000;
const MAX_RETRY_MS = 300_000;
// The LMS is called once the councillor has not tapped or typed for this long: a slow LMS's
// synchronous calls then fall while they read the feedback, not between a tap and its answer.
const QUIET_MS = 800;
let lastInput = -Infinity;
for (const type of ["pointerdown", "keydown"]) {
  window.addEventListener(type, () => { lastInput = performance.now(); }, { capture: true, passive: true });
}
function whenQuiet(then) {
  const wait = lastInput + QUIET_MS - performance.now();
  if (wait <= 0) setTimeout(then, 0); else setTimeout(() => whenQuiet(then), wait);
}

function apiOn(win) {
  try {
    const api = win.API;
    return api && typeof api.LMSInitialize === "function" ? api : null;
  } catch {
    return null; // another origin's window: not our LMS
  }
}

function findIn(start) {
  let win = start;
  for (let level = 0; win && level <= MAX_LEVELS; level += 1) {
    const api = apiOn(win);
    if (api) return api;
    if (win.parent === win) return null;
    win = win.parent;
  }
  return null;
}

export function findAPI(win = window) {
  return findIn(win) ?? (win.opener ? findIn(win.opener) : null);
}

// cmi.core.session_time is a CMITimespan: HHHH:MM:SS.SS.
export function timespan(ms) {
  const cs = Math.floor(ms / 10);
  const pad = (n, w) => String(n).padStart(w, "0");
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${pad(Math.min(h, 9999), 4)}:${pad(m, 2)}:${pad(s, 2)}.${pad(cs % 100, 2)}`;
}

// Returns null when this page is not a SCO. A SCO whose LMS cannot be found or refuses
// LMSInitialize gets `{ quiz, failed: true }`: the app runs and says the result will not be
// recorded. Else the quiz it was launched for, what the LMS holds (saved progress, the
// learner's id, whether this is a new attempt) and `report`/`finish`.
//
// The LMS never blocks the page: the shell draws first and reports after; each SCORM call
// runs in a task of its own (a slow LMS's synchronous calls leave room for the councillor's
// taps between them), only values that changed are set, and a refusing LMS is tried again
// later, less and less often. `onState("waiting" | "committed")` tells the shell, which asks
// the engine for the calm notice.
export function connectLMS(onState = () => {}) {
  const sco = new URLSearchParams(location.search).get("sco");
  if (sco === null || !SCO.test(sco)) return null;
  const api = findAPI();
  if (api === null) return { quiz: sco, failed: true };
  const started = performance.now();
  let ok = false;
  try {
    ok = String(api.LMSInitialize("")) === "true";
  } catch (error) {
    console.warn("the LMS did not start the session:", error);
  }
  if (!ok) return { quiz: sco, failed: true };
  const read = (element) => {
    try {
      return String(api.LMSGetValue(element) ?? "");
    } catch {
      return "";
    }
  };
  const suspendData = read("cmi.suspend_data");
  const learner = read("cmi.core.student_id");
  const entry = read("cmi.core.entry");
  // What the LMS has not taken yet, and what it has: only changes are sent again.
  let pending = {};
  const taken = {};
  let finished = false;
  let running = false;
  let retry = null;
  let delay = RETRY_MS;
  let state = "";
  const tell = (now) => {
    if (now === state) return;
    state = now;
    document.documentElement.dataset.lms = now;
    onState(now);
  };
  const call = (name, ...args) => {
    if (String(api[name](...args)) !== "true") {
      throw new Error(`${name}(${args[0] ?? ""}): ${api.LMSGetLastError?.()}`);
    }
  };
  // An answer's row (cmi.interactions) the LMS refuses is dropped with a warning: a report
  // must never hold back the status, the score and the saved progress, which come first.
  const put = (element, value) => {
    try {
      call("LMSSetValue", element, value);
    } catch (error) {
      if (!element.startsWith("cmi.interactions.")) throw error;
      console.warn("the LMS refused an answer's row:", error);
    }
  };
  // The values to set now: what changed, and the session time with every commit.
  const batch = (from) => {
    const values = Object.entries(from).filter(([k, v]) => taken[k] !== v);
    values.push(["cmi.core.session_time", timespan(performance.now() - started)]);
    return values;
  };
  const failed = (error) => {
    console.warn("the LMS did not take the values; trying again later:", error);
    tell("waiting");
    if (retry === null && !finished) {
      retry = setTimeout(() => {
        retry = null;
        delay = Math.min(delay * 2, MAX_RETRY_MS);
        send();
      }, delay);
    }
  };
  // One SCORM call per task, after the page has drawn: set each value, then commit.
  const send = () => {
    if (running || finished) return;
    running = true;
    const sending = { ...pending };
    const steps = batch(sending);
    const next = () => {
      if (finished) return;
      const step = steps.shift();
      try {
        if (step === undefined) {
          call("LMSCommit", "");
          for (const [k, v] of Object.entries(sending)) {
            taken[k] = v;
            if (pending[k] === v) delete pending[k];
          }
          delay = RETRY_MS;
          running = false;
          tell("committed");
          if (Object.keys(pending).length) whenQuiet(send); // what came in meanwhile
          return;
        }
        put(step[0], step[1]);
      } catch (error) {
        running = false;
        failed(error);
        return;
      }
      whenQuiet(next);
    };
    whenQuiet(next);
  };
  let scheduled = false;

  return {
    quiz: sco,
    suspendData,
    learner,
    entry,
    failed: false,
    // Called after the page has drawn what the move changed.
    report(values) {
      if (finished) return;
      pending = { ...pending, ...values };
      if (retry !== null || scheduled) return;
      scheduled = true;
      whenQuiet(() => {
        scheduled = false;
        send();
      });
    },
    // Leaving the page: the last values at once, then LMSFinish (never twice).
    finish() {
      if (finished) return;
      finished = true;
      if (retry !== null) clearTimeout(retry);
      try {
        for (const [element, value] of batch(pending)) put(element, value);
        call("LMSCommit", "");
      } catch (error) {
        console.warn("the LMS did not take the last values:", error);
      }
      try {
        api.LMSFinish("");
      } catch (error) {
        console.warn("LMSFinish failed:", error);
      }
    },
  };
}
