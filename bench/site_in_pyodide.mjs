// The editor's build in Pyodide (Node), as the editor runs it: the editor's standard library and
// zip, the kit from a built site's own files (redaktor/byggesett.json), a kommune's settings and
// files. Called by bench/site_in_pyodide.py:
//   node bench/site_in_pyodide.mjs DIST KOMMUNE_FOLDER OUT_JSON
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [dist, kommune, out] = process.argv.slice(2);
const read = (path) => new Uint8Array(readFileSync(path));
const py = await loadPyodide({
  indexURL: new URL("../node_modules/pyodide/", import.meta.url).pathname,
  stdLibURL: `${dist}/redaktor/python_stdlib_editor.zip`,
  lockFileURL: `${dist}/redaktor/pyodide-lock.json`,
});
py.unpackArchive(read(`${dist}/redaktor/editor.zip`), "zip", { extractDir: "/home/pyodide/editor" });
const put = (path, bytes) => {
  py.FS.mkdirTree(path.split("/").slice(0, -1).join("/") || "/");
  py.FS.writeFile(path, bytes);
};
for (const name of JSON.parse(readFileSync(`${dist}/redaktor/byggesett.json`)).files) {
  put(`/site/${name}`, read(`${dist}/${name}`));
}
for (const entry of readdirSync(kommune, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = `${entry.parentPath ?? entry.path}/${entry.name}`;
  put(`/kommune/${path.slice(kommune.length + 1)}`, read(path));
}
py.runPython(`
import hashlib, json, pathlib, sys, time
sys.path.insert(0, "/home/pyodide/editor")
from quiz_engine.content.kommune import Files, check_settings
from quiz_engine.site import LISTING, build_site, kit_from_site

start = time.perf_counter()
site = pathlib.Path("/site")
kit = kit_from_site({n: (site / n).read_bytes() for n in json.loads((site / LISTING).read_bytes())["files"]})
folder = pathlib.Path("/kommune")
found = list(folder.rglob("*"))
chosen = Files(
    {p.relative_to(folder).as_posix(): p.read_bytes() for p in found if p.is_file()},
    {p.relative_to(folder).as_posix() for p in found if p.is_dir()},
)
settings = check_settings("kommune.toml", (folder / "kommune.toml").read_text(encoding="utf-8"), chosen)
extra = (settings.extra or "").strip("/")
own = {n: d for n, d in chosen.files.items() if extra and n.startswith(extra + "/") and n.endswith(".toml")}
files = build_site(kit, settings, own)
seconds = time.perf_counter() - start
hashes = {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}
pathlib.Path("/out.json").write_text(json.dumps({"seconds": seconds, "files": hashes}))
`);
writeFileSync(out, py.FS.readFile("/out.json", { encoding: "utf8" }));
