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

// Returns null when this page is not a SCO or no LMS answers; else the quiz it was launched
// for, the saved progress the LMS holds, and `report`/`finish`.
export function connectLMS() {
  const sco = new URLSearchParams(location.search).get("sco");
  if (sco === null || !SCO.test(sco)) return null;
  const api = findAPI();
  if (api === null) return null;
  const started = performance.now();
  let ok = false;
  try {
    ok = String(api.LMSInitialize("")) === "true";
  } catch (error) {
    console.warn("the LMS did not start the session:", error);
  }
  if (!ok) return null;
  const read = (element) => {
    try {
      return String(api.LMSGetValue(element) ?? "");
    } catch {
      return "";
    }
  };
  const suspendData = read("cmi.suspend_data");
  // What the LMS has not taken yet: kept until a commit goes through, so the quiz goes on
  // when the LMS stops answering and the values catch up later.
  let pending = {};
  let timer = null;
  let finished = false;

  // An answer's row (cmi.interactions) the LMS refuses is dropped with a warning: a report
  // must never hold back the status, the score and the saved progress, which come first.
  const set = (element, value) => {
    let ok = false;
    try {
      ok = String(api.LMSSetValue(element, value)) === "true";
    } catch (error) {
      if (!element.startsWith("cmi.interactions.")) throw error;
    }
    if (ok) return;
    const why = `LMSSetValue(${element}): ${api.LMSGetLastError?.()}`;
    if (!element.startsWith("cmi.interactions.")) throw new Error(why);
    console.warn("the LMS refused an answer's row:", why);
  };

  const flush = () => {
    const values = { ...pending, "cmi.core.session_time": timespan(performance.now() - started) };
    try {
      for (const [element, value] of Object.entries(values)) set(element, value);
      if (String(api.LMSCommit("")) !== "true") throw new Error(`LMSCommit: ${api.LMSGetLastError?.()}`);
      pending = {};
      document.documentElement.dataset.lms = "committed";
      return true;
    } catch (error) {
      document.documentElement.dataset.lms = "waiting";
      console.warn("the LMS did not take the values; trying again later:", error);
      if (timer === null && !finished) {
        timer = setInterval(() => {
          if (flush()) {
            clearInterval(timer);
            timer = null;
          }
        }, RETRY_MS);
      }
      return false;
    }
  };

  return {
    quiz: sco,
    suspendData,
    report(values) {
      if (finished) return;
      pending = { ...pending, ...values };
      flush();
    },
    // Leaving the page: the last values, then LMSFinish (never twice).
    finish() {
      if (finished) return;
      flush();
      finished = true;
      if (timer !== null) clearInterval(timer);
      try {
        api.LMSFinish("");
      } catch (error) {
        console.warn("LMSFinish failed:", error);
      }
    },
  };
}
