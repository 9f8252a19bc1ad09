// Runs a Python script under CPython 3.14 (pyodide) and prints its stdout:
//   cd <dir with node_modules/pyodide> && node /path/run_in_pyodide.mjs /path/script.py > out.txt
const { loadPyodide } = await import(process.cwd() + "/node_modules/pyodide/pyodide.mjs");
import { readFileSync } from "node:fs";
const py = await loadPyodide();
let out = "";
py.setStdout({ batched: (s) => { out += s + "\n"; } });
py.runPython(readFileSync(process.argv[2], "utf8"));
process.stdout.write(out);
