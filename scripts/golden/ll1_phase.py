# Which phase of CPython 3.6-3.8 rejects each syntax-suite case: "pgen" (the LL(1) parser or its
# tokenizer: parser.suite raises), "ast" (parser.suite accepts, ast.parse raises: Python/ast.c and its
# string decoding) or "later" (ast.parse accepts: symtable or compiler). Prints one line per case:
# phase, origin, and for "ast" ast.parse's error. Usage (3.6-3.8 only, the parser module is gone in 3.10):
#   python3.X scripts/golden/ll1_phase.py src/test/resources/golden/syntax-suite/3.X.jsonl
import ast, io, json, parser, sys, tokenize, warnings


def decoded(raw):
    enc, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    text = raw.decode(enc)
    return text[1:] if text.startswith("\ufeff") else text


def main():
    for line in open(sys.argv[1], encoding="utf-8"):
        case = json.loads(line)
        raw = case["src"].encode("latin-1")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # as py_compile runs: warnings are not errors
            try:
                parser.suite(decoded(raw))
            except Exception:
                print("pgen", case["origin"])
                continue
            try:
                ast.parse(raw)
            except Exception as e:
                print("ast", case["origin"], "%s: %s %s:%s" % (type(e).__name__, getattr(e, "msg", e),
                                                              getattr(e, "lineno", None), getattr(e, "offset", None)))
                continue
        print("later", case["origin"])


main()
