#!/bin/bash
# Regenerates the 2.7 back end's golden files from the real CPython 2.7: for each snippet in
# src/test/resources/golden/e2e27/*.py, python2.7's tree (scripts/ast/ast_json.py) into trees.jsonl
# and what its py_compile writes after the header at -O0, -O1, -O2 (scripts/golden/py_compile_bodies.py,
# co_filename = the snippet's bare name) into bodies-O0/1/2.jsonl. Read by Snippet27GoldenTest,
# which needs no Python.   Usage: scripts/golden/e2e27_snippets.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
py=$(ls -d "$(pyenv root)"/versions/2.7.*/bin/python2.7 | tail -1)
dir="$root/src/test/resources/golden/e2e27"
cd "$dir"
ls *.py | PYTHONHASHSEED=0 "$py" "$root/scripts/ast/ast_json.py" > trees.jsonl
for level in 0 1 2; do
  flags=""
  [ "$level" = 1 ] && flags="-O"
  [ "$level" = 2 ] && flags="-OO"
  for f in *.py; do printf '%s\t%s\n' "$f" "$f"; done | PYTHONHASHSEED=0 "$py" $flags "$root/scripts/golden/py_compile_bodies.py" > "bodies-O$level.jsonl"
done
wc -l trees.jsonl bodies-O*.jsonl
