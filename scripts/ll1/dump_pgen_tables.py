"""Dumps the LL(1) parser tables of the running CPython 3.6, 3.7 or 3.8 (pgen era).

Reads the interpreter's own parser grammar (its graminit tables plus the accelerators the parser adds
on first use) through ctypes and writes them in this project's notation, so that
io.github.pycompile.parser.Ll1Recognizer drives the same automaton as the target's parser:

    python3.8 scripts/ll1/dump_pgen_tables.py > src/main/resources/io/github/pycompile/parser/ll1-3.8.txt

Format (one item per line, fields separated by one space):
    labels N                       then N lines "i T NAME" (terminal, token name), "i K word" (keyword)
                                   or "i N rule" (nonterminal)
    rule NAME NUMBER STATES        then per state "s ACCEPT NARCS LOWER ACCEL..." (NARCS: its arcs, counting the
                                   empty one of an accepting state; ACCEL: UPPER-LOWER numbers,
                                   -1 none, else an encoded action as the parser reads it: < 128 shift to
                                   that state; else push rule (x >> 8) + 256 and continue at x & 127)
    start NUMBER
"""
import ctypes
import sys
import token

# make sure the parser has built its accelerators (it does on its first parse)
compile("x = 1\n", "<dump>", "exec")


class Arc(ctypes.Structure):
    _fields_ = [("lbl", ctypes.c_short), ("arrow", ctypes.c_short)]


class State(ctypes.Structure):
    _fields_ = [("narcs", ctypes.c_int), ("arcs", ctypes.POINTER(Arc)), ("lower", ctypes.c_int),
                ("upper", ctypes.c_int), ("accel", ctypes.POINTER(ctypes.c_int)), ("accept", ctypes.c_int)]


def dfa_type(with_initial):
    fields = [("type", ctypes.c_int), ("name", ctypes.c_char_p)]
    if with_initial:
        fields.append(("initial", ctypes.c_int))
    fields += [("nstates", ctypes.c_int), ("states", ctypes.POINTER(State)), ("first", ctypes.c_char_p)]
    return type("Dfa", (ctypes.Structure,), {"_fields_": fields})


class Label(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("str", ctypes.c_char_p)]


def grammar_type(dfa):
    return type("Grammar", (ctypes.Structure,), {"_fields_": [
        ("ndfas", ctypes.c_int), ("dfas", ctypes.POINTER(dfa)), ("nlabels", ctypes.c_int),
        ("labels", ctypes.POINTER(Label)), ("start", ctypes.c_int), ("accel", ctypes.c_int)]})


def main():
    with_initial = sys.version_info < (3, 8)
    dfa = dfa_type(with_initial)
    g = grammar_type(dfa).in_dll(ctypes.pythonapi, "_PyParser_Grammar")
    assert g.accel, "accelerators not built"
    out = sys.stdout
    out.write("# LL(1) parser tables of CPython %d.%d.%d, dumped by scripts/ll1/dump_pgen_tables.py; do not edit\n"
              % sys.version_info[:3])
    out.write("labels %d\n" % g.nlabels)
    for i in range(g.nlabels):
        lb = g.labels[i]
        if lb.type >= 256:
            out.write("%d N %s\n" % (i, g.dfas[lb.type - 256].name.decode()))
        elif lb.str is not None and lb.type == token.NAME:
            out.write("%d K %s\n" % (i, lb.str.decode()))
        else:
            out.write("%d T %s\n" % (i, token.tok_name[lb.type] if lb.type != 0 or lb.str is None else "EMPTY"))
    for r in range(g.ndfas):
        d = g.dfas[r]
        if with_initial:
            assert d.initial == 0
        out.write("rule %s %d %d\n" % (d.name.decode(), d.type, d.nstates))
        for s in range(d.nstates):
            st = d.states[s]
            acc = [st.accel[k] for k in range(st.upper - st.lower)] if st.accel else []
            out.write("s %d %d %d %s\n" % (st.accept, st.narcs, st.lower, " ".join(map(str, acc))))
    out.write("start %d\n" % g.start)


main()
