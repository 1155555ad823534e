// The standard library's start-up modules compiled ahead, by the Pyodide the app ships, under
// Node (tools/stdlib.py calls it):
//   node tools/stdlib_pyc.mjs TRIMMED_ZIP OUT_ZIP REPO_ROOT
// Python compiles every module it imports from source on a first visit: the 148 modules
// Pyodide's start-up and the app's import take about 2 of the 2.5-3 seconds Python needs to
// start (a bare page on this zip, 1x; on a tablet's CPU several times that). This starts Pyodide on the trimmed zip, imports what the
// app imports at start (the worker's FREEZE list and quiz_engine.app, from the repository), and
// writes the zip again with each module Python then holds as bytecode (.pyc, compiled by this
// very Python, so its magic number is the browser's) in place of its source; the modules only
// a later step imports stay source, which is smaller.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [input, output, root] = process.argv.slice(2);
const py = await loadPyodide({
  indexURL: new URL("../node_modules/pyodide/", import.meta.url).pathname,
  stdLibURL: input,
});
py.FS.mkdirTree("/repo");
py.FS.mount(py.FS.filesystems.NODEFS, { root }, "/repo");
py.FS.writeFile("/tmp/in.zip", new Uint8Array(readFileSync(input)));
py.runPython(`
import sys
sys.dont_write_bytecode = True  # nothing written into the repository
sys.path.insert(0, "/repo")
import collections.abc, dataclasses, datetime, html, json, random, re, string, typing
import urllib.parse, zipfile, pathlib, os
import quiz_engine.app
sys.path.remove("/repo")

import importlib._bootstrap_external as external
stdlib = "/lib/python%d%d.zip/" % sys.version_info[:2]
started = {
    module.__file__[len(stdlib):]
    for module in list(sys.modules.values())
    if (getattr(module, "__file__", None) or "").startswith(stdlib)
}
# Without line numbers: a line table is a third of the bytecode's size. Each instruction is
# marked "no location" instead (the table's code 15, one byte per 8 code units): Python runs
# the same code, and a traceback through these modules names the function but not the line.
# An empty table would break the traceback module itself (co_positions() yields nothing, and
# formatting any traceback through such a module raises RuntimeError).
import types
def without_lines(code):
    consts = tuple(without_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    units = len(code.co_code) // 2
    table = bytes(0xF8 | (min(8, units - start) - 1) for start in range(0, units, 8))
    return code.replace(co_linetable=table, co_consts=consts)

with zipfile.ZipFile("/tmp/in.zip") as zin, zipfile.ZipFile("/tmp/out.zip", "w") as zout:
    for info in zin.infolist():  # the same order and timestamps: a stable zip
        data = zin.read(info)
        if info.filename in started:
            code = without_lines(compile(data, stdlib + info.filename, "exec", dont_inherit=True))
            data = bytes(external._code_to_timestamp_pyc(code, 0, 0))
            info = zipfile.ZipInfo(info.filename + "c", info.date_time)
        zout.writestr(info, data, zipfile.ZIP_DEFLATED, 9)
print(len(started))
`);
writeFileSync(output, py.FS.readFile("/tmp/out.zip"));
