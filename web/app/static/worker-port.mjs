// The page's side of the engine's worker (pyodide/snapshot.mjs): the worker says hello as soon
// as PyScript has imported it, and is handed the compiled .wasm, the standard library and
// app.zip as they arrive (runtime.mjs), with what it needs to know (snapshot on or off, storage
// memory only), over a MessageChannel whose port comes with the worker's hello. The worker
// reports its steps, failures and the snapshot's fate back over the same port.

import { APP_ID } from "./names.mjs";

const TAG = `${APP_ID}:boot`;

/**
 * Talk to the engine's worker as soon as PyScript has made it: answer its hello with
 * `settings` ({snapshot, memory}), hand over what `runtime` fetched, pass on when the page is
 * interactive and has drawn its first screen (`settled` resolves), and report the worker's
 * steps (as "worker:<step>" performance marks), failures (`on.failed`), the snapshot's fate
 * (`on.snapshot`) and whether PyScript's start-up was kept lazy (`on.pyscript`).
 */
export function connect(xworker, runtime, settings, settled, on) {
  xworker.addEventListener("message", (event) => {
    const port = event.ports?.[0];
    if (event.data?.[TAG] !== "hello" || port === undefined) return;
    const send = (message, transfer = []) => port.postMessage(message, transfer);
    port.onmessage = ({ data: message }) => {
      if (message.step) {
        performance.mark(`worker:${message.step}`, { startTime: message.at - performance.timeOrigin });
      }
      if (message.failed) on.failed(message.failed);
      if (message.snapshot) on.snapshot(message.snapshot);
      if (message.pyscript) on.pyscript?.(message.pyscript);
    };
    const sends = { wasm: true, stdlib: true, app: runtime.app !== null };
    send({ hello: { ...settings, sends } });
    runtime.wasm.then((wasm) => send({ wasm }));
    for (const name of ["stdlib", "app"]) {
      runtime[name]?.then((bytes) => send({ [name]: bytes }, bytes ? [bytes] : []));
    }
    settled.then(() => send({ settled: true }));
  });
}

/**
 * Resolves once the app is ready, a screen is drawn and nothing waits for the engine (a tap
 * kept from before the start, and the screen it leads to, come first: meanwhile the shell
 * marks #app busy and leaves body's data-rendered empty), or at the latest 2 s after the
 * start. Then the worker may spend its time on storing the start-up snapshot (31 MB).
 */
export function settledAfterStart() {
  return new Promise((resolve) => {
    window.addEventListener("quiz-ready", () => {
      const app = document.getElementById("app");
      const observer = new MutationObserver(() => check());
      const latest = setTimeout(() => done(), 2000);
      const done = () => {
        observer.disconnect();
        clearTimeout(latest);
        resolve();
      };
      const check = () => {
        if (!app.hasAttribute("aria-busy") && document.body.dataset.rendered) done();
      };
      observer.observe(document.body, { attributes: true, attributeFilter: ["data-rendered"] });
      observer.observe(app, { attributes: true, attributeFilter: ["aria-busy"] });
      check();
    }, { once: true });
  });
}
