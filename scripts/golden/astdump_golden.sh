#!/bin/sh
# Writes src/test/resources/golden/astdump/<X.Y>/{trees,dumps}.jsonl: for each snippet of
# src/test/resources/golden/astdump/snippets (3.x) or snippets27 (2.7), that CPython's ast.parse tree
# as scripts/ast/ast_json.py prints it, and its ast.dump(tree, include_attributes=True) as
# scripts/ast/ast_dump.py prints it (or the error), file names reduced to the snippet's name. Read by
# ast.AstDumpGoldenTest. 3.14 runs under pyodide (scripts/golden/run_in_pyodide_host.mjs).
set -e
cd "$(dirname "$0")/../.."
root=$(pwd)
pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
pyodide=$HOME/.cache/pycompile/pyodide
for v in 2.7 3.6 3.7 3.8 3.9 3.10 3.11 3.12 3.13 3.14; do
  if [ "$v" = 2.7 ]; then snippets=src/test/resources/golden/astdump/snippets27; else snippets=src/test/resources/golden/astdump/snippets; fi
  out=src/test/resources/golden/astdump/$v
  py=$(ls -d "$pyenv_root"/versions/$v.*/bin/python$v 2>/dev/null | tail -1)
  if [ -n "$py" ]; then
    if [ "$v" = 2.7 ]; then run="$py"; else run="$py -X utf8"; fi
  elif [ "$v" = 3.14 ] && [ -f "$pyodide/node_modules/pyodide/pyodide.mjs" ]; then
    run="node $root/scripts/golden/run_in_pyodide_host.mjs"
  else
    echo "no CPython $v: $out left as it is" >&2
    continue
  fi
  mkdir -p "$out"
  for kind in trees dumps; do
    if [ $kind = trees ]; then script=$root/scripts/ast/ast_json.py; else script=$root/scripts/ast/ast_dump.py; fi
    ls "$root/$snippets"/*.py | (cd "$pyodide" 2>/dev/null || true; PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 $run $script) \
      | sed "s#$root/$snippets/##" > "$out/$kind.jsonl"
  done
  echo "$out: $(wc -l < "$out/dumps.jsonl") snippets, $(grep -c '"error"' "$out/dumps.jsonl" || true) rejected"
done
