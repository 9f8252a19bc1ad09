// Prints CPython 3.14's importlib.util.source_hash(b"x=1") (the golden in SourceHashTest).
// Run from a directory where `npm install pyodide@314.0.7` was done: node pyc_source_hash_314.mjs
const { loadPyodide } = await import(process.cwd() + "/node_modules/pyodide/pyodide.mjs");
const py = await loadPyodide();
console.log(py.runPython(`import importlib.util; importlib.util.source_hash(b"x=1").hex()`));
