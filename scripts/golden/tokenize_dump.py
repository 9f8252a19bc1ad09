# Prints the tokens the PEG parser sees (NL, COMMENT and ENCODING left out) for each file named on
# stdin, with UTF-8 byte columns as CPython's AST uses them:
#   ==FILE path / KIND|repr(text)|startline|startcol|endline|endcol / ... ; ==ERROR msg on failure.
import sys, tokenize, token
for path in sys.stdin.read().splitlines():
    print('==FILE ' + path)
    try:
        with open(path, 'rb') as f:
            # split on '\n' only, as readline does (str.splitlines would also split on form feeds)
            lines = [l + '\n' for l in f.read().decode(tokenize.detect_encoding(open(path, 'rb').readline)[0]).split('\n')]
        with open(path, 'rb') as f:
            toks = list(tokenize.tokenize(f.readline))
    except Exception as e:
        print('==ERROR ' + type(e).__name__)
        continue
    def bcol(row, col):
        if row - 1 < len(lines):
            return len(lines[row - 1][:col].encode('utf-8'))
        return col
    for t in toks:
        if t.type in (tokenize.NL, tokenize.COMMENT, tokenize.ENCODING):
            continue
        kind = token.tok_name[t.type]
        if kind not in ('NAME', 'NUMBER', 'STRING', 'NEWLINE', 'INDENT', 'DEDENT', 'ENDMARKER'):
            kind = 'OP'
        print('%s|%s|%d|%d|%d|%d' % (kind, ascii(t.string), t.start[0], bcol(*t.start), t.end[0], bcol(*t.end)))
