// Reads GIFT on stdin and prints what gift-pegjs (an independent GIFT parser) makes of it, as JSON.
// Used by tests/unit/test_export_gift.py: `node tests/unit/parse_gift.mjs < bank.gift`.
// gift-pegjs is CommonJS (module.exports = { parse, SyntaxError }), hence the default import.
import gift from "gift-pegjs";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString("utf8");
try {
  process.stdout.write(JSON.stringify(gift.parse(text)));
} catch (error) {
  const where = error.location ? ` at line ${error.location.start.line}` : "";
  process.stderr.write(`gift-pegjs could not parse the GIFT${where}: ${error.message}\n`);
  process.exit(1);
}
