"""For each syntax-suite case of a 3.6-3.8 target, what the LL(1) parser alone says.

Run with the target's own interpreter (python3.6, 3.7 or 3.8; their `parser` module runs the pgen
parser and tokenizer without ast.c):

    python3.8 scripts/golden/ll1_verdicts.py src/test/resources/golden/syntax-suite/3.8.jsonl

Prints one JSON line per case: origin, "pgen" (the error parser.suite raises, or null when it accepts)
and "want" (the recorded ast.parse/compile error), so that the cases the LL(1) parser rejects can be
told from those ast.c or a later phase rejects.
"""
import json
import parser
import sys


def err(e):
    return {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}


def main(path):
    for line in open(path, encoding="utf-8"):
        c = json.loads(line)
        src = c["src"].encode("latin-1")
        try:
            text = src.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        verdict = None
        if text is not None:
            try:
                parser.suite(text)
            except SyntaxError as e:
                verdict = err(e)
            except Exception as e:  # ValueError for NUL, etc.
                verdict = {"type": type(e).__name__, "msg": str(e)}
        want = {k: c[k] for k in ("type", "msg", "lineno", "offset")}
        print(json.dumps({"origin": c["origin"], "pgen": verdict, "want": want,
                          "same": verdict == want}))


if __name__ == "__main__":
    main(sys.argv[1])
