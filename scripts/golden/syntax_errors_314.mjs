// Runs scripts/golden/syntax_errors.py under CPython 3.14 (pyodide) and prints its JSON lines:
//   cd ~/.cache/pycompile/pyodide && node /path/syntax_errors_314.mjs /path/syntax_errors.py /path/cases.json
const { loadPyodide } = await import(process.cwd() + "/node_modules/pyodide/pyodide.mjs");
import { readFileSync } from "node:fs";
const py = await loadPyodide();
py.globals.set("CASES_TEXT", readFileSync(process.argv[3], "latin1"));
py.runPython(readFileSync(process.argv[2], "utf8"));
process.stdout.write(py.globals.get("RESULT"));
