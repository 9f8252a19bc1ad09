// Runs a Python script under CPython 3.14 (pyodide) with the host file system mounted at /host,
// stdin passed through and stdout streamed:
//   cd <dir with node_modules/pyodide> && node /path/run_in_pyodide_host.mjs /path/script.py [args...]
// Scripts see sys.platform == "emscripten" and prefix host paths with "/host".
const { loadPyodide } = await import(process.cwd() + "/node_modules/pyodide/pyodide.mjs");
import { readFileSync } from "node:fs";
const py = await loadPyodide();
py.FS.mkdir("/host");
py.FS.mount(py.FS.filesystems.NODEFS, { root: "/" }, "/host");
let input = readFileSync(0);
let given = false;
py.setStdin({ stdin: () => { if (given) return null; given = true; return input; } });
py.setStdout({ write: (buf) => { process.stdout.write(buf); return buf.length; } });
py.setStderr({ write: (buf) => { process.stderr.write(buf); return buf.length; } });
py.globals.get("__import__")("sys").argv = py.toPy([process.argv[2], ...process.argv.slice(3)]);
py.runPython(readFileSync(process.argv[2], "utf8"));
