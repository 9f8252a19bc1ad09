#!/bin/sh
# Writes src/test/resources/golden/parser/<X.Y>/trees.jsonl: for each snippet of
# src/test/resources/golden/parser/snippets, the tree (or error) of that CPython's ast.parse, as
# scripts/ast/ast_json.py prints it, with the file name reduced to the snippet's name. Read by
# parser.ParserSnippetGoldenTest. 3.14 runs under pyodide (scripts/golden/run_in_pyodide_host.mjs).
set -e
cd "$(dirname "$0")/../.."
root=$(pwd)
snippets=src/test/resources/golden/parser/snippets
pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
for v in 3.11 3.12 3.13 3.14; do
  out=src/test/resources/golden/parser/$v
  py=$(ls -d "$pyenv_root"/versions/$v.*/bin/python$v 2>/dev/null | tail -1)
  if [ -n "$py" ]; then
    run="$py -X utf8 $root/scripts/ast/ast_json.py"
    prefix="$root/$snippets/"
  elif [ "$v" = 3.14 ] && [ -f "$HOME/.cache/pycompile/pyodide/node_modules/pyodide/pyodide.mjs" ]; then
    run="node $root/scripts/golden/run_in_pyodide_host.mjs $root/scripts/ast/ast_json.py"
    prefix="$root/$snippets/"
  else
    echo "no CPython $v: $out left as it is" >&2
    continue
  fi
  mkdir -p "$out"
  ls "$root/$snippets"/*.py | (cd "$HOME/.cache/pycompile/pyodide" 2>/dev/null || true; PYTHONHASHSEED=0 $run) \
    | sed "s#$prefix##" > "$out/trees.jsonl"
  echo "$out/trees.jsonl: $(wc -l < "$out/trees.jsonl") snippets"
done
