// Launched by an LMS (?sco=): once the councillor can work, register the package's small service
// worker (lms-sw.js), which keeps the runtime's .wasm so that the browser can keep its compiled
// code from one launch to the next. An LMS serves each upload of a package from a folder of its
// own (Moodle: pluginfile.php/<context>/mod_scorm/content/<revision>/): a worker of ours in a
// sibling folder belongs to an earlier upload the LMS no longer serves, so it and its copy go.

const WORKER = "lms-sw.js";

export async function keepCompiledRuntime(wasm) {
  if (!("serviceWorker" in navigator) || document.documentElement.dataset.storage === "memory") {
    return;
  }
  const script = new URL(`./${WORKER}`, document.baseURI);
  script.searchParams.set("wasm", wasm); // absolute: runtime.mjs's FILES.wasm
  try {
    const mine = await navigator.serviceWorker.register(script.href);
    const parent = new URL("..", mine.scope).href;
    for (const other of await navigator.serviceWorker.getRegistrations()) {
      const worker = other.active ?? other.waiting ?? other.installing;
      if (other.scope === mine.scope || !worker) continue;
      const ours = new URL(worker.scriptURL).pathname.endsWith(`/${WORKER}`);
      if (ours && new URL("..", other.scope).href === parent) {
        await other.unregister();
        await caches.delete(other.scope);
      }
    }
    // Where the worker stands, for whoever looks (the tests wait on it).
    document.documentElement.dataset.runtimeCache = "registered";
  } catch (error) {
    // No worker (a browser setting, a private window): each launch compiles the .wasm again.
    console.warn("the runtime's cache worker was not registered:", error);
  }
}
