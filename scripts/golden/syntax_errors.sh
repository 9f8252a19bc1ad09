#!/bin/sh
# Regenerates src/test/resources/golden/syntax-errors/: cases.json from syntax_errors_cases.py, then
# <X.Y>/results.jsonl for every installed CPython (pyenv) and 3.14 (pyodide under node).
set -e
cd "$(dirname "$0")/../.."
G=src/test/resources/golden/syntax-errors
python3 scripts/golden/syntax_errors_cases.py > $G/cases.json
ROOT=$(pyenv root)/versions
for d in "$ROOT"/*; do
  v=$(basename "$d" | cut -d. -f1,2)
  exe="$d/bin/python$v"
  [ -x "$exe" ] || continue
  mkdir -p $G/$v
  "$exe" scripts/golden/syntax_errors.py $G/cases.json > $G/$v/results.jsonl
done
PYO=${PYODIDE_DIR:-$HOME/.cache/pycompile/pyodide}
if [ -d "$PYO/node_modules/pyodide" ]; then
  mkdir -p $G/3.14
  here=$(pwd)
  (cd "$PYO" && node "$here/scripts/golden/syntax_errors_314.mjs" "$here/scripts/golden/syntax_errors.py" \
      "$here/$G/cases.json") > $G/3.14/results.jsonl
fi
