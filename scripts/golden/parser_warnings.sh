#!/bin/sh
# Regenerates src/test/resources/golden/parser-warnings/: cases.json, then <X.Y>.jsonl for every installed
# CPython 3.6+ (pyenv) and 3.14 (pyodide under node; scripts/golden/syntax_errors_314.mjs runs a script
# that leaves RESULT).
set -e
cd "$(dirname "$0")/../.."
G=src/test/resources/golden/parser-warnings
python3 scripts/golden/parser_warnings_cases.py > $G/cases.json
ROOT=$(pyenv root)/versions
for d in "$ROOT"/3.*; do
  v=$(basename "$d" | cut -d. -f1,2)
  exe="$d/bin/python$v"
  [ -x "$exe" ] || continue
  "$exe" scripts/golden/parser_warnings.py $G/cases.json > $G/$v.jsonl
done
PYO=${PYODIDE_DIR:-$HOME/.cache/pycompile/pyodide}
if [ -d "$PYO/node_modules/pyodide" ]; then
  here=$(pwd)
  (cd "$PYO" && node "$here/scripts/golden/syntax_errors_314.mjs" "$here/scripts/golden/parser_warnings.py" \
      "$here/$G/cases.json") > $G/3.14.jsonl
fi
