// Offline support, registered only once the app is ready (so a first visit does not download
// everything twice at once). A new deployment installs in the background; the Python shell is
// told ("quiz-update-waiting") and shows the councillor a notice; the reload happens only when
// they choose it ("quiz-apply-update"), so old and new files never mix.
import { Workbox } from "./vendor/workbox-window.mjs";

export function registerOffline() {
  if (!("serviceWorker" in navigator) || document.documentElement.dataset.storage === "memory") {
    return;
  }
  const wb = new Workbox("./sw.js");
  wb.addEventListener("waiting", () => {
    window.quizUpdateWaiting = true;
    window.dispatchEvent(new Event("quiz-update-waiting"));
  });
  window.addEventListener("quiz-apply-update", () => {
    wb.addEventListener("controlling", () => window.location.reload());
    wb.messageSkipWaiting();
  });
  wb.register().catch((error) => console.warn("service worker not registered:", error));
}
