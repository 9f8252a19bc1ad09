"""Which name-like strings are already interned when `python -m py_compile` compiles a file.

Run as `pythonX.Y -m interned_probe CANDIDATES OUT` with this directory on PYTHONPATH, so that the
interpreter is in the state `-m py_compile` is in (runpy, py_compile and what they import). Each
candidate (one per line) is rebuilt as a fresh string object and passed to sys.intern: when that
returns another object, an equal string was interned before. Those candidates go to OUT, sorted.
The probe's own few identifiers are listed separately so that they can be told apart.
"""
import sys
import py_compile  # noqa: F401  (the state py_compile's main runs in)


def _probe(_cands_path, _out_path):
    with open(_cands_path, encoding='utf-8') as _f:
        _cands = _f.read().split('\n')
    _hits = []
    for _c in _cands:
        if _c:
            _fresh = ''.join(list(_c))
            if sys.intern(_fresh) is not _fresh:
                _hits.append(_c)
    with open(_out_path, 'w', encoding='utf-8') as _f:
        _f.write('\n'.join(sorted(_hits)) + '\n')
    print(len(_hits), 'of', len(_cands), 'candidates interned', file=sys.stderr)


if __name__ == '__main__':
    _probe(sys.argv[1], sys.argv[2])
