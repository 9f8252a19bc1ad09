// Runs scripts/golden/e2e_snippets.py under CPython 3.14 (pyodide) and prints its JSON lines:
//   cd ~/.cache/pycompile/pyodide && node /path/e2e_snippets.mjs /path/e2e_snippets.py /path/cases.json
const { loadPyodide } = await import(process.cwd() + "/node_modules/pyodide/pyodide.mjs");
import { readFileSync } from "node:fs";
const py = await loadPyodide();
py.globals.set("CASES_TEXT", readFileSync(process.argv[3], "utf8"));
py.runPython(readFileSync(process.argv[2], "utf8"));
process.stdout.write(py.globals.get("RESULT"));
