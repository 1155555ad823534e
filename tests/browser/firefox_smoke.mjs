// Smoke run of the built app in Firefox (ESR) through puppeteer-core over WebDriver BiDi.
//
//   node tests/browser/firefox_smoke.mjs < input.json
//
// input.json: {"url": "http://127.0.0.1:PORT/", "executablePath": "/usr/bin/firefox-esr",
//              "plan": <tests/browser/smoke.py plan()>}
// Prints one JSON object on stdout: {ok, error?, where?, step, browser, userAgent, bootMs,
// percent, hash, snapshot, reloadBootMs, reloadHash, reloadPercent, reloadSnapshot, answered,
// consoleErrors, consoleWarnings, pageErrors, failedResponses, phases, seconds}. Exit status 0 when the run got through every step, 1 otherwise (the JSON says
// where it stopped). Controls are found by role and accessible name (::-p-aria); waits are
// conditions, never sleeps.

import puppeteer from "puppeteer-core";

const started = Date.now();
const input = JSON.parse(await readStdin());
const { url, executablePath, plan } = input;
const out = {
  ok: false,
  browser: null,
  userAgent: null,
  bootMs: null,
  percent: null,
  hash: null,
  reloadBootMs: null,
  reloadHash: null,
  reloadPercent: null,
  snapshot: null,
  reloadSnapshot: null,
  answered: [],
  consoleErrors: [],
  consoleWarnings: [],
  pageErrors: [],
  failedResponses: [],
  step: "launch",
  phases: {},
};
let phaseStart = Date.now();
function phase(name) {
  const now = Date.now();
  out.phases[out.step] = (now - phaseStart) / 1000;
  phaseStart = now;
  out.step = name;
}

// No network needs beyond loopback: puppeteer's defaults already point updates, blocklists
// and health reports at a dummy host; these switch off what they leave on.
const extraPrefsFirefox = {
  "app.update.enabled": false,
  "app.update.auto": false,
  "app.normandy.enabled": false,
  "app.shield.optoutstudies.enabled": false,
  "toolkit.telemetry.enabled": false,
  "toolkit.telemetry.unified": false,
  "toolkit.telemetry.archive.enabled": false,
  "toolkit.telemetry.server": "",
  "toolkit.telemetry.updatePing.enabled": false,
  "toolkit.telemetry.shutdownPingSender.enabled": false,
  "toolkit.telemetry.firstShutdownPing.enabled": false,
  "toolkit.telemetry.newProfilePing.enabled": false,
  "toolkit.telemetry.bhrPing.enabled": false,
  "browser.ping-centre.telemetry": false,
  "browser.newtabpage.activity-stream.feeds.telemetry": false,
  "browser.newtabpage.activity-stream.telemetry": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "datareporting.healthreport.uploadEnabled": false,
  "services.settings.poll_interval": 0,
  "messaging-system.rsexperimentloader.enabled": false,
  "extensions.blocklist.enabled": false,
  "extensions.systemAddon.update.enabled": false,
  "browser.region.update.enabled": false,
  "browser.region.network.url": "",
  "browser.topsites.contile.enabled": false,
  "browser.safebrowsing.provider.google4.updateURL": "",
  "browser.safebrowsing.provider.mozilla.updateURL": "",
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "network.dns.disablePrefetch": true,
  "network.prefetch-next": false,
  "network.predictor.enabled": false,
  "captivedetect.canonicalURL": "",
  "media.gmp-gmpopenh264.enabled": false,
  "dom.push.enabled": false,
};

let browser;
let page;
try {
  browser = await puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath,
    headless: true,
    extraPrefsFirefox,
    timeout: plan.timeoutMs,
    protocolTimeout: plan.timeoutMs,
  });
  out.browser = await browser.version();
  page = await browser.newPage();
  page.setDefaultTimeout(plan.timeoutMs);
  page.on("console", (msg) => {
    if (msg.type() === "error") out.consoleErrors.push(msg.text());
    else if (msg.type() === "warn") out.consoleWarnings.push(msg.text());
  });
  page.on("pageerror", (err) => out.pageErrors.push(String(err?.message ?? err)));
  page.on("response", (res) => {
    if (res.status() >= 400) out.failedResponses.push(`${res.status()} ${res.url()}`);
  });
  out.userAgent = await page.evaluate(() => navigator.userAgent);

  phase("boot");
  await page.goto(`${url}#/s/${plan.quizId}`);
  out.bootMs = await waitInteractive(page);

  phase("intro");
  await aria(page, "button", plan.words.start).click();
  await waitForPrompt(page, null);

  const prompts = Object.keys(plan.questions);
  for (;;) {
    const prompt = await h1(page);
    if (out.step === "intro") phase("questions");
    const step = plan.questions[prompt];
    if (!step) throw new Error(`no question in the plan has the prompt ${JSON.stringify(prompt)}`);
    if (out.answered.includes(prompt)) throw new Error(`asked twice: ${prompt}`);
    if (step.text !== null) {
      await aria(page, "textbox", plan.words.text).fill(step.text);
      await aria(page, "button", plan.words.reveal).click();
    }
    for (const { role, name } of step.check) {
      const control = aria(page, role, name);
      await control.click();
      await page.waitForFunction(
        (el) => el.checked,
        { polling: 100 },
        await control.waitHandle(),
      );
    }
    await aria(page, "button", plan.words.submit).click();
    await page.waitForSelector("#feedback-heading");
    out.answered.push(prompt);
    const next = await page.$(ariaSelector("link", plan.words.next));
    if (next) {
      await next.click();
      await waitForPrompt(page, prompt);
      continue;
    }
    await aria(page, "button", plan.words.finish).click();
    await aria(page, "heading", plan.words.results).wait();
    break;
  }
  if (out.answered.length !== prompts.length) {
    throw new Error(`answered ${out.answered.length} of ${prompts.length} questions`);
  }
  out.percent = await scoreText(page);
  out.hash = await page.evaluate(() => location.hash);
  // What the start-up snapshot did (pyodide/snapshot.mjs): the first visit made it (stored
  // once the page was interactive: wait for that), the reload must restore it.
  await page.waitForFunction(
    () => ["made", "unsaved", "unmade", "failed", "off"].includes(document.documentElement.dataset.snapshot),
    { polling: 100 },
  );
  out.snapshot = await page.evaluate(() => document.documentElement.dataset.snapshot ?? null);

  phase("reload");
  await page.reload();
  out.reloadBootMs = await waitInteractive(page);
  await aria(page, "heading", plan.words.results).wait();
  out.reloadHash = await page.evaluate(() => location.hash);
  out.reloadPercent = await scoreText(page);
  out.reloadSnapshot = await page.evaluate(
    () => document.documentElement.dataset.snapshot ?? null,
  );
  phase("done");
  out.ok = true;
} catch (err) {
  out.error = String(err?.stack ?? err);
  if (page) {
    out.where = await page
      .evaluate(() => ({
        href: location.href,
        h1: document.querySelector("h1")?.innerText ?? null,
        pyError: document.querySelector(".py-error")?.innerText ?? null,
        main: (document.querySelector("main") ?? document.body)?.innerText?.slice(0, 1500),
      }))
      .catch((e) => String(e));
  }
} finally {
  if (browser) await browser.close().catch(() => {});
  out.seconds = (Date.now() - started) / 1000;
  process.stdout.write(JSON.stringify(out) + "\n");
  process.exitCode = out.ok ? 0 : 1;
}

function ariaSelector(role, name) {
  return `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}

function aria(pg, role, name) {
  return pg.locator(ariaSelector(role, name)).setTimeout(plan.timeoutMs);
}

async function waitInteractive(pg) {
  // The app's own mark, or PyScript's error box (then fail at once with its text).
  await pg.waitForFunction(
    (mark) =>
      performance.getEntriesByName(mark).length > 0 ||
      document.querySelector(".py-error") !== null,
    { polling: 100, timeout: plan.timeoutMs },
    plan.mark,
  );
  const marks = await pg.evaluate(
    (mark) => performance.getEntriesByName(mark).map((m) => m.startTime),
    plan.mark,
  );
  if (!marks.length) {
    const shown = await pg.evaluate(() => document.querySelector(".py-error")?.innerText);
    throw new Error(`PyScript failed before ${plan.mark}:\n${shown}`);
  }
  return Math.round(marks[0]);
}

// A question's prompt is its situation and then its question (the heading), in .prompt-block.
async function h1(pg) {
  return pg.evaluate(() => {
    const el = document.querySelector(".prompt-block") ?? document.querySelector("h1");
    return el ? el.innerText.split(/\s+/).filter(Boolean).join(" ") : null;
  });
}

async function waitForPrompt(pg, previous) {
  // A question's prompt from the plan is on screen, and not the one just answered.
  await pg.waitForFunction(
    (prompts, prev) => {
      const el = document.querySelector(".prompt-block") ?? document.querySelector("h1");
      const text = el ? el.innerText.split(/\s+/).filter(Boolean).join(" ") : "";
      return text !== prev && prompts.includes(text);
    },
    { polling: 100, timeout: plan.timeoutMs },
    Object.keys(plan.questions),
    previous,
  );
}

async function scoreText(pg) {
  const el = await pg.waitForSelector(".score-number");
  return el.evaluate((e) => e.textContent.trim());
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
