// Writes dist/sw.js with Workbox: a precache of exactly the files a visit loads, each with a
// content-hashed revision. Called by web/build/site.py: node web/build/generate_sw.mjs DIST PATTERN...
import { generateSW } from "workbox-build";

const [dist, ...globPatterns] = process.argv.slice(2);
const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  globPatterns,
  swDest: `${dist}/sw.js`,
  // One file, no workbox-*.js chunk beside it: nothing else to fetch or to get out of step.
  inlineWorkboxRuntime: true,
  // Revalidates instead of downloading again what the visit just fetched (sw-fetch.js).
  importScripts: ["sw-fetch.js"],
  mode: "production",
  sourcemap: false,
  // Pyodide's wasm and stdlib are several MB each.
  maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
  // The page asks before a new version takes over (the councillor chooses when to reload).
  skipWaiting: false,
  clientsClaim: false,
  cleanupOutdatedCaches: true,
  // "./" is served by the precached index.html; query switches (?snapshot=off) too.
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/.*/],
});
for (const warning of warnings) console.error(warning);
console.log(JSON.stringify({ count, size }));
