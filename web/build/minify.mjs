// Our own scripts as they ship: comments and layout dropped by terser (pinned in package.json),
// names and code left as they are (no compressing, no mangling), so a stack trace still names
// our functions. Run while the kit is gathered (web/build/kit.py):
//   node web/build/minify.mjs < {"name": "source", ...}  > {"name": "shipped", ...}
import { text } from "node:stream/consumers";
import { minify } from "terser";

const sources = JSON.parse(await text(process.stdin));
const shipped = {};
for (const [name, code] of Object.entries(sources)) {
  const result = await minify(code, {
    module: name.endsWith(".mjs"),
    compress: false,
    mangle: false,
    format: { comments: false },
  });
  shipped[name] = result.code;
}
process.stdout.write(JSON.stringify(shipped));
