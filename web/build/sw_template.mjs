// Writes the app's service-worker template: Workbox's own generateSW code (the same template and
// bundling, so the same worker as before) with the precache list left out, in its place the
// `self.__WB_MANIFEST` point Workbox's injectManifest fills. The build fills it in Python
// (quiz_engine/site/precache.py) with each file's URL and revision, so a build needs no Node and
// the editor can build a site in the browser. Run while the kit is gathered (web/build/kit.py):
//   node web/build/sw_template.mjs OUT_FILE
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { populateSWTemplate } = require("workbox-build/build/lib/populate-sw-template");
const { bundle } = require("workbox-build/build/lib/bundle");

const [out] = process.argv.slice(2);
// A stand-in list: Workbox writes `precacheAndRoute` only when there is something to precache.
const SENTINEL = "__PRECACHE_MANIFEST_SENTINEL__";
const unbundledCode = populateSWTemplate({
  manifestEntries: [{ url: SENTINEL, revision: SENTINEL }],
  // Revalidates instead of downloading again what the visit just fetched (sw-fetch.js).
  importScripts: ["sw-fetch.js"],
  // The page asks before a new version takes over (the councillor chooses when to reload).
  skipWaiting: false,
  clientsClaim: false,
  cleanupOutdatedCaches: true,
  // "./" is served by the precached index.html; query switches (?snapshot=off) too.
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/.*/],
});
const files = await bundle({
  babelPresetEnvTargets: ["chrome >= 56"],
  // One file, no workbox-*.js chunk beside it: nothing else to fetch or to get out of step.
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  swDest: "sw.js",
  unbundledCode,
});
if (files.length !== 1) throw new Error(`expected one file, got ${files.length}`);
const code = String(files[0].contents);
// Terser writes the stand-in as a literal array; exactly one, replaced by the injection point.
const literal = new RegExp(`\\[\\{url:"${SENTINEL}",revision:"${SENTINEL}"\\}\\]`, "g");
const found = code.match(literal) || [];
if (found.length !== 1) throw new Error(`the stand-in list appears ${found.length} times`);
await writeFile(out, code.replace(literal, "self.__WB_MANIFEST"));
