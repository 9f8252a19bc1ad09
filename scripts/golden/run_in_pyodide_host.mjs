// Runs a Python script under CPython 3.14 (pyodide) with the host file system mounted at /host,
// stdin passed through and stdout streamed:
//   cd <dir with node_modules/pyodide> && node /path/run_in_pyodide_host.mjs /path/script.py [args...]
// Scripts see sys.platform == "emscripten" and prefix host paths with "/host".
const { loadPyodide } = await import(process.cwd() + "/node_modules/pyodide/pyodide.mjs");
import { readFileSync } from "node:fs";
const py = await loadPyodide();
py.FS.mkdir("/host");
py.FS.mount(py.FS.filesystems.NODEFS, { root: "/" }, "/host");
// all of stdin first, read asynchronously (a synchronous read of a pipe the writer has not filled yet
// fails with EAGAIN)
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = Buffer.concat(chunks);
let offset = 0;
// hand stdin over in the reader's buffer sizes (one large chunk would be cut at the first read's size)
py.setStdin({ read: (buf) => { const n = Math.min(buf.length, input.length - offset); buf.set(input.subarray(offset, offset + n)); offset += n; return n; } });
// copied: pyodide reuses the buffer, and a write to a pipe completes later
py.setStdout({ write: (buf) => { process.stdout.write(Buffer.from(buf)); return buf.length; } });
py.setStderr({ write: (buf) => { process.stderr.write(Buffer.from(buf)); return buf.length; } });
py.globals.get("__import__")("sys").argv = py.toPy([process.argv[2], ...process.argv.slice(3)]);
py.runPython(readFileSync(process.argv[2], "utf8"));
