#!/usr/bin/env bash
# Copies a few stdlib caches written by each installed CPython (pyenv) into the test resources, so the
# marshal round trip is tested on machines without Python. 3.14's are written by pyodide's py_compile.
set -euo pipefail
out=src/test/resources/golden/marshal/pyc
root=$(pyenv root)/versions
for d in "$root"/*; do
  v=$(basename "$d"); xy=${v%.*}
  lib=$d/lib/python$xy
  mkdir -p "$out/$xy"
  for m in keyword textwrap string json/decoder; do
    if [ "${xy%%.*}" = 2 ]; then src=$lib/$m.pyc
    else src=$(ls "$lib/$(dirname $m)/__pycache__/$(basename $m).cpython-${xy/./}.pyc" 2>/dev/null || true); fi
    [ -f "$src" ] && cp "$src" "$out/$xy/$(echo $m | tr / _).pyc"
  done
done
pyodide=${PYCOMPILE_PYODIDE_DIR:-$HOME/.cache/pycompile/pyodide}
if [ -d "$pyodide/node_modules/pyodide" ]; then
  mkdir -p "$out/3.14"
  here=$(pwd)
  (cd "$pyodide" && node "$here/scripts/golden/run_in_pyodide.mjs" "$here/scripts/golden/marshal_pycs_314.py") |
    while read -r name hex; do echo "$hex" | xxd -r -p > "$out/3.14/$name.pyc"; done
fi
