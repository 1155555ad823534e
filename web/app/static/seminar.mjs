// The seminar's part of the shell (see shell.mjs): keys from a keyboard or a presenter remote,
// the clock tick of a running timer, the tables' QR codes drawn and read. It decides nothing:
// keys, forms, the time and every decoded QR text go to the engine (quiz_engine/app/seminar/), which
// answers with what to draw. The QR libraries are loaded only when a seminar screen needs them.

const KEYS = new Set(["PageDown", "PageUp", "b", "B", ".", "Escape"]);
const TICK_MS = 500;
const SAME_CODE_MS = 4000; // the camera sees one table's code many times a second
const MAX_SIDE = 1280; // photos are scaled down before decoding: faster, and jsQR copes better

let ticking = null;
let camera = null; // { stream, video, timer }

const now = () => Date.now();

function typing(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

// Called once by runShell with its `send` (one message at a time, in order).
export function wireSeminar(root, send) {
  document.addEventListener("keydown", (event) => {
    if (!root.querySelector("[data-seminar-keys]") || !KEYS.has(event.key)) return;
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    // A one-character key (B, ".") acts only while focus is on the seminar's screen, not in
    // the header or footer (WCAG 2.1.4: such a shortcut is active only on its component).
    const inside = event.target instanceof Element && event.target.closest("[data-seminar-keys]");
    if (event.key.length === 1 && !inside) return;
    event.preventDefault(); // PageDown would scroll the page as well
    send({ type: "seminar-key", key: event.key, now: now() });
  });
  root.addEventListener("submit", (event) => {
    const form = event.target;
    const name = form.dataset?.seminarForm;
    if (!name) return;
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    send({ type: "seminar-form", form: { ...values, form: name }, now: now() });
  });
  root.addEventListener("click", (event) => {
    const summary = event.target.closest("details[data-fold] > summary");
    if (summary) folds.set(summary.parentElement.id, !summary.parentElement.open);
    const cam = event.target.closest("[data-camera]");
    if (cam?.dataset.camera === "start") startCamera(root, send);
    if (cam?.dataset.camera === "stop") stopCamera(root);
  });
  root.addEventListener("change", async (event) => {
    const input = event.target;
    if (!input.matches?.("[data-qr-file]")) return;
    for (const file of input.files ?? []) {
      let text = null;
      try {
        const bitmap = await createImageBitmap(file);
        text = await decode(bitmap, bitmap.width, bitmap.height);
      } catch (error) {
        console.warn("the picture could not be read:", error);
      }
      send({ type: "seminar-scan", text, now: now() });
    }
    input.value = "";
  });
}

// The facilitator's fold (timer length, tools): closed by default on a screen of 1280 px or
// narrower, where the projected question needs the width, open on a wider one; once the
// facilitator opens or closes it, it stays so across the redraws of this page.
const WIDE = "(min-width: 1281px)";
const folds = new Map(); // id -> open, as the facilitator left it

function restoreFolds(root) {
  for (const fold of root.querySelectorAll("details[data-fold]")) {
    fold.open = folds.get(fold.id) ?? window.matchMedia(WIDE).matches;
  }
}

// Called by the shell after every answer it applied.
export function seminarApplied(root, send) {
  restoreFolds(root);
  const wantsTick = root.querySelector("[data-ticking]") !== null;
  if (wantsTick && ticking === null) {
    ticking = setInterval(() => send({ type: "seminar-tick", now: now() }, true), TICK_MS);
  } else if (!wantsTick && ticking !== null) {
    clearInterval(ticking);
    ticking = null;
  }
  if (camera !== null && !root.contains(camera.video)) stopCamera(root);
  const codes = root.querySelectorAll("canvas[data-qr]:not([data-drawn])");
  if (codes.length) drawCodes(codes);
}

async function drawCodes(canvases) {
  const { default: qrcode } = await import("./vendor/qrcode-generator.mjs");
  for (const canvas of canvases) {
    const code = qrcode(0, "M");
    code.addData(canvas.dataset.qr);
    code.make();
    const modules = code.getModuleCount();
    const quiet = 4; // the margin a reader needs around the code
    const scale = Math.max(1, Math.floor(canvas.width / (modules + 2 * quiet)));
    const offset = Math.floor((canvas.width - scale * modules) / 2);
    const g = canvas.getContext("2d");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = "#000";
    for (let r = 0; r < modules; r += 1) {
      for (let c = 0; c < modules; c += 1) {
        if (code.isDark(r, c)) g.fillRect(offset + c * scale, offset + r * scale, scale, scale);
      }
    }
    canvas.dataset.drawn = "true";
  }
}

async function nativeDetector() {
  if (!("BarcodeDetector" in window)) return null;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    return formats.includes("qr_code") ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
  } catch {
    return null;
  }
}

// The text of the first QR code in an image, a video frame or a bitmap; null when there is none.
async function decode(source, width, height) {
  const detector = await nativeDetector();
  if (detector !== null) {
    document.body.dataset.qrDecoder = "BarcodeDetector";
    const found = await detector.detect(source);
    if (found.length) return found[0].rawValue;
  }
  document.body.dataset.qrDecoder = "jsQR";
  const ratio = Math.min(1, MAX_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext("2d", { willReadFrequently: true });
  g.drawImage(source, 0, 0, w, h);
  await import("./vendor/jsQR.js"); // a UMD build: it sets self.jsQR
  const found = self.jsQR(g.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: "attemptBoth" });
  return found?.data ?? null;
}

async function startCamera(root, send) {
  const video = root.querySelector("[data-camera-view]");
  const problem = root.querySelector("[data-camera-error]");
  if (video === null || camera !== null) return;
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  } catch (error) {
    console.warn("no camera:", error);
    if (problem) problem.hidden = false;
    return;
  }
  video.srcObject = stream;
  video.hidden = false;
  await video.play().catch(() => {});
  root.querySelector('[data-camera="start"]')?.setAttribute("hidden", "");
  const stop = root.querySelector('[data-camera="stop"]');
  stop?.removeAttribute("hidden");
  stop?.focus();
  let last = { text: null, at: 0 };
  const look = async () => {
    if (camera === null) return;
    if (video.videoWidth > 0) {
      const text = await decode(video, video.videoWidth, video.videoHeight).catch(() => null);
      if (text !== null && (text !== last.text || now() - last.at > SAME_CODE_MS)) {
        last = { text, at: now() };
        send({ type: "seminar-scan", text, now: now() });
      }
    }
    if (camera !== null) camera.timer = setTimeout(look, 250);
  };
  camera = { stream, video, timer: setTimeout(look, 250) };
}

function stopCamera(root) {
  if (camera === null) return;
  clearTimeout(camera.timer);
  for (const track of camera.stream.getTracks()) track.stop();
  camera.video.srcObject = null;
  camera.video.hidden = true;
  camera = null;
  root.querySelector('[data-camera="stop"]')?.setAttribute("hidden", "");
  const start = root.querySelector('[data-camera="start"]');
  start?.removeAttribute("hidden");
}
