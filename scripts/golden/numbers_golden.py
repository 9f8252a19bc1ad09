#!/usr/bin/env python3.11
"""Golden cases for io.github.pycompile.astopt.PyNumbers.

Run with python3.11 (the interpreter whose results are recorded):

    python3.11 scripts/golden/numbers_golden.py > src/test/resources/golden/numbers/3.11.tsv

Each line is tab separated:

    id  op  operand...  result

op is one of float (int to float), neg, pos, invert (one operand) or add, sub,
mul, truediv, floordiv, mod, pow (two operands). Operands and results are
encoded exactly:

    i:<decimal>            int
    f:<16 hex digits>      float, its IEEE-754 bits (NaN payload and sign kept)
    c:<16 hex>,<16 hex>    complex, the bits of the real and imaginary parts
    ERR <ExceptionName>    the operation raised

The random cases come from a fixed seed, so the file is reproducible on the
same CPython build and libm.
"""

import math
import operator
import random
import struct
import sys

OPS2 = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "truediv": operator.truediv,
    "floordiv": operator.floordiv,
    "mod": operator.mod,
    "pow": operator.pow,
}
OPS1 = {
    "float": float,
    "neg": operator.neg,
    "pos": operator.pos,
    "invert": operator.invert,
}

# int results larger than this are not recorded (the folder limits sizes itself)
MAX_INT_BITS = 4096


def fbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def enc(v):
    if isinstance(v, bool):
        raise TypeError(v)
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:" + fbits(v)
    if isinstance(v, complex):
        return "c:%s,%s" % (fbits(v.real), fbits(v.imag))
    raise TypeError(type(v))


def result(fn, *args):
    try:
        r = fn(*args)
    except Exception as e:  # ZeroDivisionError, OverflowError, ValueError, TypeError
        return "ERR " + type(e).__name__
    if isinstance(r, int) and r.bit_length() > MAX_INT_BITS:
        return None
    return enc(r)


lines = []


def case(op, *args):
    fn = OPS2[op] if len(args) == 2 else OPS1[op]
    if op == "pow" and all(isinstance(a, int) for a in args):
        if args[1] > 0 and abs(args[0]) > 1 and args[1] * abs(args[0]).bit_length() > MAX_INT_BITS:
            return
    r = result(fn, *args)
    if r is None:
        return
    lines.append("\t".join([op] + [enc(a) for a in args] + [r]))


INF = math.inf
NAN = math.nan

TYPICAL_INTS = [0, 1, -1, 2, 3, -3, 7, 10, 100, 12345, 2**53 + 1, -(2**53 + 3), 2**63, 10**20,
                2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**970 + 2**969, 10**400, -(10**400)]
TYPICAL_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, -3.0, 10.0, 0.1, 1e-6, 1.1, 2.5, -2.5,
                  1.0 / 3, math.pi, math.e, -8.0, 1e16, 1e308, -1e308, 5e-324, 2.2250738585072014e-308,
                  1e-300, INF, -INF, NAN, 0.3, 7.0, 100.0, 1.5]
TYPICAL_COMPLEX = [1j, 2j, -1j, 1 + 2j, 3 - 4j, 0.5 + 0.5j, 0j, complex(-0.0, 0.0), complex(0.0, -0.0),
                   complex(-0.0, -0.0), complex(INF, 0.0), complex(0.0, INF), complex(NAN, 1.0),
                   complex(1e308, 1e308), complex(1e-320, 1e-320), complex(-1.0, 0.0), complex(1.0, 0.0),
                   complex(-8.0, 0.0), 1.5 - 2.5j, complex(1e200, -3.0)]


def typical():
    values = TYPICAL_INTS + TYPICAL_FLOATS + TYPICAL_COMPLEX
    for v in values:
        for op in OPS1:
            case(op, v)
    core = [0, 1, -1, 3, 2**53 + 1, 10**400,
            0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -3.0, 0.1, 1.1, 1e308, 5e-324, 1e-300, INF, -INF, NAN, 7.0,
            1j, -1j, 1 + 2j, 3 - 4j, 0j, complex(-0.0, -0.0), complex(INF, 0.0), complex(NAN, 1.0),
            complex(1e308, 1e308), complex(-8.0, 0.0)]
    for op in OPS2:
        for a in core:
            for b in core:
                case(op, a, b)
        for a in values:
            if a not in core:
                for b in [1, 2.0, -0.5, 1j, 1 - 1j]:
                    case(op, a, b)
                    case(op, b, a)
    # literals as written in programs
    for a, b in [(1, 10**6), (2, -1), (10, -3), (2, -10), (10, -20), (2, -1074), (2, -1075), (2, -1076),
                 (2, 1023), (2, 1024), (10, 308), (10, 309), (3, -40), (7, -200), (-2, -3), (-10, -7),
                 (2.0, 0.5), (1.1, 3), (1.1, 3.0), (10.0, -3), (10.0, 22), (10.0, 23), (10.0, -5),
                 (2.0, -1074), (2.0, -1075), (2.0, 1023), (2.0, 1024), (-8.0, 1 / 3), (-1.0, 0.5),
                 (-2.0, 1e300), (-2.0, 1e300 + 1), (-1.0, 1e300), (-1.0, 2**53 + 1.0), (0.5, 1075),
                 (0.5, 1074), (1.0000001, 1e9), (0.9999999, 1e10), (1j, 2), (1j, 3), (1j, -1), (1j, 101),
                 (1 + 1j, 100), (1 + 1j, 101), (1 + 1j, -100), (1 + 1j, 0.5), (2, 1j), (1j, 1j), (-1, 0.5),
                 (-1, 1.5), (0j, -1), (0j, 1j), (0j, 0), (0, -1), (0.0, -1.0), (-0.0, -1.0),
                 (-0.0, 3.0), (-0.0, 2.0), (-0.0, 0.5), (10**400, 0.5), (2.0, 10**400), (0.5, -1100)]:
        case("pow", a, b)
    for a, b in [(1, 3), (2, 3), (-1, 3), (1, -3), (10**30, 3), (10**30 + 1, 10**12), (2**54 + 1, 2),
                 (2**53 + 1, 1), (2**54 + 2, 1), (2**54 + 6, 1), (2**55 + 12, 1), (1, 10**400), (10**400, 10),
                 (10**400, 10**100), (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 3 * 2**1073),
                 (2**1100, 2**76), (2**1100, 2**77 - 1), (-(2**1100), 2**77 + 1), (0, -7), (0, 7),
                 (1, 0), (0, 0), (-5, 7), (5, -7), (123456789123456789123456789, 987654321987654321),
                 (1j * 2, 1), (1 + 2j, 3 - 4j), (1e-6, 1)]:
        case("truediv", a, b)
        case("floordiv", a, b)
        case("mod", a, b)


def rnd_float(r):
    k = r.randrange(8)
    if k == 0:
        return r.uniform(-10, 10)
    if k == 1:
        return float(r.randrange(-1000, 1000))
    if k == 2:
        return struct.unpack("<d", struct.pack("<Q", r.getrandbits(64)))[0]
    if k == 3:
        return r.uniform(-1, 1) * 10.0 ** r.randrange(-320, 309)
    if k == 4:
        return r.choice([0.0, -0.0, 1.0, -1.0, INF, -INF, 0.5, 2.0])
    if k == 5:
        return r.randrange(1, 100) / r.randrange(1, 100)
    if k == 6:
        return math.ldexp(r.random(), r.randrange(-1080, 1024))
    return r.uniform(-1e6, 1e6)


def rnd_int(r):
    k = r.randrange(5)
    if k == 0:
        return r.randrange(-100, 100)
    if k == 1:
        return r.getrandbits(r.randrange(1, 200)) * r.choice([1, -1])
    if k == 2:
        return r.getrandbits(r.randrange(1000, 1200)) * r.choice([1, -1])
    if k == 3:
        return r.randrange(-10**6, 10**6)
    return r.getrandbits(r.randrange(50, 60))


def rnd_complex(r):
    return complex(rnd_float(r), rnd_float(r))


def rnd_any(r):
    k = r.randrange(3)
    return rnd_int(r) if k == 0 else rnd_float(r) if k == 1 else rnd_complex(r)


def randoms():
    r = random.Random(3110)
    for _ in range(300):
        case("float", rnd_int(r))
    for _ in range(600):
        a = rnd_int(r)
        b = rnd_int(r)
        if r.randrange(3) == 0:
            b = r.getrandbits(r.randrange(1, 120)) + 1
        case("truediv", a, b)
    for op in ["add", "sub", "mul", "truediv", "floordiv", "mod"]:
        for _ in range(400):
            case(op, rnd_float(r), rnd_float(r))
        for _ in range(150):
            case(op, rnd_any(r), rnd_any(r))
    # float ** float, typical magnitudes
    for _ in range(1500):
        case("pow", r.uniform(0, 10), r.uniform(-10, 10))
    for _ in range(500):
        case("pow", r.uniform(0, 1000), r.uniform(-100, 100))
    for _ in range(500):
        case("pow", rnd_float(r), rnd_float(r))
    # integral exponents
    for _ in range(800):
        case("pow", r.uniform(-20, 20), float(r.randrange(-60, 60)))
    for _ in range(300):
        case("pow", r.randrange(-50, 50), r.randrange(-40, 0))
    for _ in range(300):
        case("pow", 1.0 + r.uniform(-1e-3, 1e-3), float(r.randrange(-10**7, 10**7)))
    # square roots and friends
    for _ in range(300):
        case("pow", rnd_float(r), r.choice([0.5, -0.5, 1.5, 0.25, 1 / 3, 2.5]))
    # negative bases with fractional exponents (complex results)
    for _ in range(300):
        case("pow", -r.uniform(0, 10), r.uniform(-5, 5))
    # complex
    for _ in range(400):
        case("truediv", rnd_complex(r), rnd_complex(r))
    for _ in range(400):
        a = complex(r.uniform(-5, 5), r.uniform(-5, 5))
        case("pow", a, r.randrange(-30, 30))
    for _ in range(400):
        a = complex(r.uniform(-5, 5), r.uniform(-5, 5))
        b = complex(r.uniform(-3, 3), r.uniform(-3, 3)) if r.randrange(2) else r.uniform(-5, 5)
        case("pow", a, b)
    for _ in range(150):
        case("pow", rnd_complex(r), rnd_any(r))


typical()
randoms()
out = sys.stdout
for n, line in enumerate(lines, 1):
    out.write("%d\t%s\n" % (n, line))
