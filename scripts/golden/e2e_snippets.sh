#!/bin/sh
# Regenerates src/test/resources/golden/e2e/<X.Y>/bodies.jsonl — what each CPython writes for every
# snippet in golden/e2e/snippets at -O0/1/2 — for every installed CPython (pyenv) and 3.14 (pyodide).
set -e
cd "$(dirname "$0")/../.."
G=src/test/resources/golden/e2e
python3 - "$G/snippets" > "$G/cases.json" <<'PY'
import binascii, json, os, sys
d = sys.argv[1]
print(json.dumps({n: binascii.hexlify(open(os.path.join(d, n), "rb").read()).decode() for n in sorted(os.listdir(d))},
                 indent=0, sort_keys=True))
PY
ROOT=$(pyenv root)/versions
for d in "$ROOT"/*; do
  v=$(basename "$d" | cut -d. -f1,2)
  exe="$d/bin/python$v"
  [ -x "$exe" ] || continue
  mkdir -p $G/$v
  case $v in
    2.*) { "$exe" scripts/golden/e2e_snippets.py $G/cases.json
           "$exe" -O scripts/golden/e2e_snippets.py $G/cases.json
           "$exe" -OO scripts/golden/e2e_snippets.py $G/cases.json; } | sort > $G/$v/bodies.jsonl ;;
    *) "$exe" scripts/golden/e2e_snippets.py $G/cases.json > $G/$v/bodies.jsonl ;;
  esac
done
PYO=${PYODIDE_DIR:-$HOME/.cache/pycompile/pyodide}
if [ -d "$PYO/node_modules/pyodide" ]; then
  mkdir -p $G/3.14
  here=$(pwd)
  (cd "$PYO" && node "$here/scripts/golden/e2e_snippets.mjs" "$here/scripts/golden/e2e_snippets.py" \
      "$here/$G/cases.json") > $G/3.14/bodies.jsonl
fi
