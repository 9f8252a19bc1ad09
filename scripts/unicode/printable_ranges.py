# Prints this CPython's str.isprintable() over U+007F..U+10FFFF as one line:
#   X.Y d1,d2,...
# the code points where the answer changes (starting from "not printable" at U+007F), each written as
# its distance from the previous one in base 36. Run under 3.6-3.13 and pyodide (3.14); the lines
# together make scripts/unicode/printable.txt, which gen_printable.py turns into ast/UnicodePrintable.java.
import sys

def b36(n):
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + s
        if n == 0:
            return s

out = []
prev_state, prev_cp = False, 0x7F
for cp in range(0x7F, 0x110000):
    p = chr(cp).isprintable()
    if p != prev_state:
        out.append(b36(cp - prev_cp))
        prev_state, prev_cp = p, cp
sys.stdout.write("%d.%d %s\n" % (sys.version_info[0], sys.version_info[1], ",".join(out)))
