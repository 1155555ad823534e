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
await import("./pyscript/core.js");
