#!/bin/bash
# Writes the name-like strings CPython X.Y has interned when `-m py_compile` starts compiling:
#   scripts/interned/interned_at_startup.sh 3.11
# Candidates: every identifier-shaped word of that version's standard library and site-packages
# sources and of its libpython's string table (the C-level names). Output:
#   src/main/resources/io/github/pycompile/assemble/interned-X.Y.txt
set -euo pipefail
v=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
py=$(ls -d "$(pyenv root)"/versions/"$v".*/bin/python"$v" | tail -1)
prefix=$(dirname "$(dirname "$py")")
tmp=$(mktemp -d)
{
  find "$prefix/lib/python$v" -name '*.py' -print0 | xargs -0 cat
  strings -n 1 "$prefix"/lib/libpython"$v"*.so* 2>/dev/null || true
  strings -n 1 "$py"
} | LC_ALL=C grep -oE '[A-Za-z_][A-Za-z0-9_]*' | LC_ALL=C sort -u > "$tmp/cands.txt"
out="$root/src/main/resources/io/github/pycompile/assemble/interned-$v.txt"
mkdir -p "$(dirname "$out")"
# The probe's own identifiers are interned by compiling it: a second copy with other names runs
# too, and only what both report is kept.
(cd "$tmp" && PYTHONPATH="$here" "$py" -m interned_probe "$tmp/cands.txt" "$tmp/a.txt")
sed -e 's/\b_\([a-z]\)/_q9\1/g' -e 's/^def _q9probe/def _q9probe/' "$here/interned_probe.py" > "$tmp/interned_probe_b.py"
(cd "$tmp" && PYTHONPATH="$tmp" "$py" -m interned_probe_b "$tmp/cands.txt" "$tmp/b.txt")
LC_ALL=C comm -12 <(LC_ALL=C sort "$tmp/a.txt") <(LC_ALL=C sort "$tmp/b.txt") > "$out"
rm -rf "$tmp"
wc -l "$out"
