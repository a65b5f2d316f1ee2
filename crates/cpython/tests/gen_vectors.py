#!/usr/bin/env python3
"""Writes the golden vectors in tests/vectors/ from the running CPython 3.11.

Run by `LOOPSCOPE_UPDATE=1 cargo test -p loopscope-cpython --test vectors` (or
directly). Every file starts with the line HEADER (how to regenerate it), then
JSON lines; the generator is itself seeded, so re-running it on the same CPython
reproduces the files byte for byte.

Value encodings shared with tests/vectors.rs:
  float  -> 16 hex digits of its IEEE-754 bits
  int    -> decimal string
  error  -> {"error": [exception class name, message]}
"""
import json
import math
import os
import random
import struct
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit(f"gen_vectors.py needs CPython 3.11, not {sys.version.split()[0]}")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "vectors")
# The first line of every golden file (crates/golden); tests/vectors.rs checks it.
HEADER = "# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-cpython --test vectors\n"
gen = random.Random(20240611)


def fbits(x):
    return struct.pack(">d", x).hex()


def from_bits(h):
    return struct.unpack(">d", bytes.fromhex(h))[0]


def err(e):
    return {"error": [type(e).__name__, str(e)]}


def attempt(fn):
    try:
        return fn()
    except Exception as e:  # every raised exception is part of the expectation
        return err(e)


def write(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- floats

def edge_floats():
    xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 5e-324, -5e-324,
          2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
          -1.7976931348623157e308, 1e16, 1e16 - 2, 1e16 + 2, 9999999999999998.0,
          1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001, 0.00001, 0.00009999999999999999,
          1.5e-5, 2e16 + 8, 1e22, 1e23, 9.999999999999999e22, 1e-7, 1e-320, 123.456,
          2.675, 2.5, 0.5, 1.5, -0.5, -1.5, 0.125, 0.375, 1e300, 1e-300, 4.35, 0.045,
          1.005, 100.0, 1e100, math.pi, math.e, 299792458.0, 6.02214076e23,
          float("inf"), float("-inf"), float("nan"), 12345.678, 1e308, 8.5, 9.5,
          0.30000000000000004, 4503599627370496.5, 9007199254740993.0, 2.0 ** 63,
          -2.0 ** 63, 2.0 ** 64, 2.0 ** 1023, 0.7, 0.07, 1e-10, 3.14159, 1234567.0]
    for e in range(-30, 31):
        xs += [10.0 ** e, -(10.0 ** e), 2.0 ** e, 5 * 10.0 ** e, 9.5 * 10.0 ** e]
    return xs


def random_floats(n):
    xs = []
    for _ in range(n):
        xs.append(from_bits("%016x" % gen.getrandbits(64)))
    for _ in range(n // 2):
        # "Human" decimals, which stress the digit boundaries.
        digits = gen.randint(1, 17)
        mant = gen.randint(1, 10 ** digits)
        xs.append(gen.choice([1, -1]) * mant * 10.0 ** gen.randint(-25, 25))
    for _ in range(n // 4):
        xs.append(gen.uniform(-1000, 1000))
    return xs


def float_repr_rows():
    xs = edge_floats() + random_floats(2400)
    return [[fbits(x), repr(x)] for x in xs]


def float_op_rows():
    rows = []
    xs = edge_floats() + random_floats(300)
    for x in xs:
        for nd in (0, 1, 2, 3, -1, -2, 5, 15, 17, 300, -300, 400, -400):
            rows.append(["round", fbits(x), nd, attempt(lambda: repr(round(x, nd)))])
        rows.append(["round0", fbits(x), attempt(lambda: str(round(x)))])
        rows.append(["int", fbits(x), attempt(lambda: str(int(x)))])
        rows.append(["hash_float", fbits(x), str(hash(x)) if x == x else None])
    for x, y in [(gen.choice(xs), gen.choice(xs)) for _ in range(1500)] + [
        (5.0, 3.0), (-5.0, 3.0), (5.0, -3.0), (-5.0, -3.0), (0.0, 3.0), (-0.0, 3.0),
        (0.0, -3.0), (1.0, 0.0), (1.0, -0.0), (1e308, 1e-308), (7.5, 2.5), (-7.5, 2.5),
        (float("inf"), 2.0), (2.0, float("inf")), (-2.0, float("inf")), (float("nan"), 1.0),
        (1.0, 0.1), (0.3, 0.1), (-1e-300, 1e300)]:
        rows.append(["mod", fbits(x), fbits(y), attempt(lambda: repr(x % y))])
        rows.append(["floordiv", fbits(x), fbits(y), attempt(lambda: repr(x // y))])
        rows.append(["divmod", fbits(x), fbits(y), attempt(lambda: repr(divmod(x, y)))])
    ints = [0, 1, -1, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 3, 2 ** 63, 2 ** 64 - 1, 10 ** 22,
            10 ** 23, 2 ** 1024, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971 - 1,
            2 ** 1023 * 3 // 2, -(10 ** 30) - 7, 2 ** 61 - 1, 2 ** 61, -(2 ** 61) + 1,
            2 ** 62, 2 ** 61 - 2, -2, 12345678901234567890123]
    ints += [gen.getrandbits(gen.randint(1, 200)) * gen.choice([1, -1]) for _ in range(400)]
    ints += [(gen.getrandbits(60) | 1) << gen.randint(0, 990) for _ in range(200)]
    for n in ints:
        rows.append(["float", str(n), attempt(lambda: repr(float(n)))])
        rows.append(["hash_int", str(n), str(hash(n))])
    return rows


# ---------------------------------------------------------- format specs

FILLS = ["", "", "", "*", "0", " ", "x", "é", "{"]
ALIGNS = ["", "", "<", ">", "^", "="]
SIGNS = ["", "", "+", "-", " "]


def random_spec(types):
    fill = gen.choice(FILLS)
    align = gen.choice(ALIGNS)
    spec = (fill + align) if align else ""
    spec += gen.choice(SIGNS)
    spec += gen.choice(["", "", "", "", "z"])
    spec += gen.choice(["", "", "#"])
    spec += gen.choice(["", "", "", "0"])
    spec += gen.choice(["", "", "1", "5", "12", "20", "30"])
    spec += gen.choice(["", "", "", ",", "_"])
    spec += gen.choice(["", "", ".0", ".1", ".2", ".3", ".6", ".10", ".17", ".25"])
    spec += gen.choice(types)
    return spec


INT_TYPES = ["", "", "d", "b", "o", "x", "X", "c", "n", "e", "f", "g", "%", "G", "E", "F", "s"]
FLOAT_TYPES = ["", "", "", "e", "E", "f", "F", "g", "G", "n", "%", "d"]
STR_TYPES = ["", "", "s", "s", "d"]

HAND_SPECS = ["", "abc", "z", ",s", ",d", "_c", ",_", "_,", ".", "99999999999999999999",
              ".99999999999999999999", "=5", "+", " ", "#", "zs", "+c", "#c", "\x01", "é",
              "=^,", "\n", "010", "010,", "010_", "0=10", "<010", "^010", "x^11,", "#010x",
              "#010_b", "_x", "_o", "_b", ",x", ".2", "..2", "10.", "-010", ".3", ".0",
              ".1", "#.0", "#g", "#.3g", "#e", "%", ".0%", ",.2%", "0>8", "0<8", "0^8",
              "<8s", ">8s", "^8s", "^9s", ".3s", "8.3s", ",", "_", "n", ",n", ".3n", "c",
              "#.0f", "#.0e", "+.3e", " .3e", "z.1f", "z+.1f", "z=+10.1f", "e", "g", "G",
              "E", "F", "f", "12,.3f", "0=12,.3f", "0=+15_.4e", "ab", "0", "00", "000", "-z",
              ",.1", "#x", "#X", "#o", "#b", "X", "+#x", " #o", "08", "*^+#012_x", "1000",
              ".50f", ".30e", ".30g", ".1e", ".16g", ".17g", ".18g", "#.18g", "20.15",
              ".1000000000", ".100000000g", "#.800g", ".770f"]

INT_VALUES = [0, 1, -1, 7, -7, 10, 42, 255, -255, 1000, -1000, 65, 0x10FFFF, 0x110000,
              1234567, -1234567, 10 ** 20, -(10 ** 20), 2 ** 64, 10 ** 400, 2 ** 100 + 1, 97]
FLOAT_VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, 0.1, 0.125, 1e16, 1e15, 1e-5,
                1e-4, 1234.5678, -1234.5678, 1e100, 1.7976931348623157e308, 5e-324,
                float("inf"), float("-inf"), float("nan"), 123456789.0, 0.0001234, 9.995,
                99.99, 999999.5, 1e22, 3.14159265358979, -0.0004, 0.000001, 12.0]
STR_VALUES = ["", "a", "abc", "hello world", "héllo", "日本語", "x" * 25]


def format_rows():
    rows = []

    def add(kind, value, enc, spec):
        rows.append([kind, type(value).__name__, enc, spec, attempt(lambda: format(value, spec))])

    for spec in HAND_SPECS:
        for v in INT_VALUES[:12] + [True]:
            add("int", v, str(int(v)), spec)
        for v in FLOAT_VALUES[:20] + FLOAT_VALUES[-4:]:
            add("float", v, fbits(v), spec)
        for v in STR_VALUES:
            add("str", v, v, spec)
    for _ in range(2500):
        v = gen.choice(INT_VALUES + [gen.randint(-10 ** 8, 10 ** 8)])
        add("int", v, str(v), random_spec(INT_TYPES))
    for _ in range(3000):
        v = gen.choice(FLOAT_VALUES + [gen.uniform(-1e6, 1e6), from_bits("%016x" % gen.getrandbits(64))])
        add("float", v, fbits(v), random_spec(FLOAT_TYPES))
    for _ in range(600):
        v = gen.choice(STR_VALUES)
        add("str", v, v, random_spec(STR_TYPES))
    return rows


# ------------------------------------------------------- percent format

def typed(v):
    if isinstance(v, bool):
        return ["bool", str(v)]
    if isinstance(v, int):
        return ["int", str(int(v))]
    if isinstance(v, float):
        return ["float", fbits(v)]
    return ["str", v]


PERCENT_CASES = [
    ("%5%", ()), ("%5%", (1,)), ("%(a)s %s", {"a": 1}), ("%(a)s %s", (1,)), ("abc%", ()),
    ("%y", ()), ("%y", (1,)), ("%(a", {"a": 1}), ("%(a", 5), ("%-05d", (1,)), ("%*d", (5, 3)),
    ("%*d", (1,)), ("%*d", ()), ("%-*d|", (-5, 3)), ("%*d|", (-5, 3)), ("%.*f", (2, 3.14159)),
    ("%.*f", (-2, 3.14159)), ("%*.*f|", (10, 3, 2.5)), ("%s", 5), ("%s %s", 5), ("abc", 5),
    ("abc", ()), ("abc", (1,)), ("%d", "a"), ("%x", 1.5), ("%x", "a"), ("%f", "a"), ("%c", "ab"),
    ("%c", ""), ("%c", 65), ("%c", -1), ("%c", 0x110000), ("%c", 2 ** 70), ("%5c|", "x"),
    ("%-5c|", 9731), ("%d", float("inf")), ("%d", float("nan")), ("%d", 3.99), ("%d", -3.99),
    ("%i %u", (7, 8)), ("%e", 10 ** 400), ("%e", 12345), ("%(x)d %(y)s", {"x": 3, "y": "s"}),
    ("%(x)d %(x)d", {"x": 3}), ("%(x)*d", {"x": 3}), ("%(x)5", {"x": 3}), ("%(a)s", {"b": 1}),
    ("%(x(y))s", {"x(y)": "nested"}), ("%ld %hd %Ld", (1, 2, 3)), ("%lld", (1,)),
    ("%.", (1,)), ("%-", (1,)), ("%0", (1,)), ("%l", (1,)), ("%*", (1,)), ("%.*", (1, 2)),
    ("%99999999999999999999d", (1,)), ("%.99999999999d", (1,)), ("%.3s|", "abcdef"),
    ("%-8.3s|", "abcdef"), ("%8.3s|", "abcdef"), ("%r", 5), ("%r", 2.5), ("%a", 2.5),
    ("%r", "abc"), ("%10r|", "abc"), ("%#o %#x %#X", (8, 255, 255)),
    ("%#5o|%#-8x|%#08X|", (8, 255, 255)), ("%#.5x|%+#10.4x|% #010o", (255, 255, 8)),
    ("%+d % d %+d % d", (5, 5, -5, -5)), ("%05d|%-05d|%+05d|% 05d", (-42, -42, 42, 42)),
    ("%.3d|%5.3d|%-5.3d|%05.3d", (7, 7, 7, -7)), ("%+s|% s", ("a", "b")),
    ("%f %e %g %F %E %G", (1.5, 1.5, 1.5, 1.5, 1.5, 1.5)),
    ("%f %F %e %E %g %G", (float("inf"),) * 6), ("%f %F %g %G", (float("nan"),) * 4),
    ("%010.3f|%-10.3f|%+.2e|% .3g", (-3.14159, 3.14159, 12345.678, 0.000123)),
    ("%#g %#.0f %#.0e %#.3g", (1.0, 2.0, 3.0, 100.0)), ("%.0f %.0f %.0f", (0.5, 1.5, 2.5)),
    ("%.2f", 2.675), ("%.20f", 0.1), ("%.17g", 0.1), ("%g", 1e16), ("%g", 1e-5),
    ("%g", 123456789.0), ("%.1g", 0.05), ("%010.2f", float("-inf")), ("%-+8.2f|", 0.0),
    ("%f", -0.0), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%s", ()), ("%d%%", (50,)),
    ("100%%", ()), ("%%%d%%", (5,)), ("%(a)s%%", {"a": "x"}), ("%c%c", ("é", 0x65E5)),
    ("%5.1c|", "x"), ("héllo %s wörld", ("日本",)), ("%s", 2 ** 100), ("%x", -(2 ** 70)),
    ("%o", -8), ("%X", 3735928559), ("%#X", 0), ("%#o", 0), ("%.0d|%.0x", (0, 0)),
    ("% x|%+o", (255, 8)), ("%d", True), ("%s", True), ("%z", 1), ("%\x01", 1), ("%é", 1),
    ("%.100000000g", 1.5), ("%.*s", (10 ** 9, "ab")), ("%.*g", (10 ** 9, 0.1)), ("%#.760g", 0.1),
]


def random_percent_case():
    conv = gen.choice("dixXoeEfFgGsc")
    spec = "%" + "".join(gen.choice(["", "", "-", "+", " ", "#", "0"]) for _ in range(2))
    spec += gen.choice(["", "", "3", "8", "15"])
    spec += gen.choice(["", "", ".0", ".2", ".5", ".12"])
    spec += conv
    if conv in "dixXo":
        v = gen.choice([0, 1, -1, 42, -42, 255, 10 ** 20, -(10 ** 20), gen.randint(-10 ** 6, 10 ** 6)])
    elif conv in "eEfFgG":
        v = gen.choice([0.0, -0.0, 1.5, -1.5, 1e16, 1e-5, 123.456, float("inf"),
                        gen.uniform(-1e5, 1e5), from_bits("%016x" % gen.getrandbits(64))])
    elif conv == "s":
        v = gen.choice(["", "abc", "hello world", 7, 2.5])
    else:
        v = gen.choice(["x", 65, 0x263A])
    return "[" + spec + "]", (v,)


def percent_rows():
    rows = []
    for fmt, args in PERCENT_CASES + [random_percent_case() for _ in range(1500)]:
        if isinstance(args, tuple):
            enc = {"tuple": [typed(a) for a in args]}
        elif isinstance(args, dict):
            enc = {"dict": {k: typed(v) for k, v in args.items()}}
        else:
            enc = {"single": typed(args)}
        rows.append([fmt, enc, attempt(lambda: fmt % args)])
    return rows


# --------------------------------------------------------------- random

SEEDS = [["int", "0"], ["int", "1"], ["int", "42"], ["int", str(2 ** 100)], ["int", "-5"],
         ["int", str(2 ** 32)], ["int", str(2 ** 32 - 1)], ["int", str(2 ** 64 + 123)],
         ["str", "hello"], ["str", ""], ["str", "héllo wörld"], ["bytes", "616263"],
         ["float", fbits(1.5)], ["float", fbits(-2.25)], ["float", fbits(0.0)],
         ["float", fbits(1e300)], ["float", fbits(float("inf"))]]


def make_seed(seed):
    kind, value = seed
    return {"int": int, "str": str, "bytes": bytes.fromhex, "float": from_bits}[kind](value)


def random_rows():
    rows = []
    for i, seed in enumerate(SEEDS):
        r = random.Random(make_seed(seed))
        rows.append({"seed": seed})
        full = i < 3 or seed[0] == "str"
        ops = []
        ops += [["random"]] * (1000 if full else 50)
        ops += [["randint", "1", "10"]] * (1000 if full else 50)
        ops += [["getrandbits", k] for k in range(0, 201)]
        ops += [["randrange", a, b, c] for a, b, c in [
            ("10", None, None), ("0", None, None), ("-3", None, None), ("10", None, "2"),
            ("10", None, "1"), ("0", "10", None), ("0", "10", "3"), ("10", "0", "-3"),
            ("10", "0", None), ("0", "0", None), ("5", "5", "2"), ("0", "10", "0"),
            ("0", "-10", "2"), ("-50", "50", "7"), ("100", "-100", "-13"),
            (str(2 ** 80), str(2 ** 81), "3"), ("0", str(10 ** 30), None),
            ("1", "2", None), ("0", "1", "-1")] * 3]
        ops += [["randint", a, b] for a, b in [("5", "1"), ("0", "0"), ("-10", "10"),
                                               (str(-(2 ** 70)), str(2 ** 70))]]
        ops += [["choice", n] for n in (0, 1, 2, 3, 10, 1000, 2 ** 31)]
        ops += [["shuffle", n] for n in (0, 1, 2, 5, 10, 52)]
        ops += [["sample", n, k, None] for n, k in [(10, 3), (10, 10), (10, 0), (5, 6),
                                                   (5, -1), (100, 5), (100, 6), (100, 30),
                                                   (1000, 10), (1000, 600), (30, 20),
                                                   (10 ** 6, 50), (0, 0)]]
        ops += [["sample", n, k, c] for n, k, c in [(3, 4, ["2", "3", "1"]), (2, 5, ["0", "5"]),
                                                   (2, 1, ["1"]), (2, 1, ["0", "0"]),
                                                   (3, 2, ["1", "-1", "5"]), (0, 0, []),
                                                   (2, 30, [str(10 ** 6), "7"])]]
        ops += [["choices", n, w, cw, k] for n, w, cw, k in [
            (10, None, None, 5), (3, [fbits(1.0), fbits(2.0), fbits(3.0)], None, 10),
            (3, None, [fbits(1.0), fbits(1.5), fbits(4.0)], 10), (2, [fbits(1.0)], None, 1),
            (2, [fbits(0.0), fbits(0.0)], None, 1), (1, [fbits(float("inf"))], None, 1),
            (0, [], None, 1), (0, None, None, 0), (4, [fbits(0.1)] * 4, None, 20),
            (2, [fbits(-1.0), fbits(3.0)], None, 5)]]
        ops += [["uniform", fbits(a), fbits(b)] for a, b in [(0.0, 1.0), (-5.0, 5.0), (10.0, 2.0)]]
        ops += [["triangular", fbits(a), fbits(b), m] for a, b, m in [
            (0.0, 1.0, None), (0.0, 10.0, fbits(2.0)), (5.0, 5.0, fbits(5.0)), (5.0, 5.0, None),
            (10.0, 0.0, fbits(7.0))] * 3]
        ops += [["gauss", fbits(0.0), fbits(1.0)]] * 25 + [["gauss", fbits(10.0), fbits(2.5)]] * 5
        ops += [["normalvariate", fbits(0.0), fbits(1.0)]] * 10
        ops += [["expovariate", fbits(l)] for l in (1.0, 0.5, -2.0, 0.0)]
        ops += [["randbytes", n] for n in (0, 1, 3, 4, 5, 17)]
        ops += [["gauss", fbits(0.0), fbits(1.0)], ["reseed"], ["gauss", fbits(0.0), fbits(1.0)]]
        for op in ops:
            rows.append(op + [attempt(lambda: run_random_op(r, seed, op))])
    return rows


def run_random_op(r, seed, op):
    name, args = op[0], op[1:]
    if name == "random":
        return repr(r.random())
    if name == "getrandbits":
        return str(r.getrandbits(args[0]))
    if name == "randint":
        return str(r.randint(int(args[0]), int(args[1])))
    if name == "randrange":
        start, stop, step = args
        call = [int(start)] + ([int(stop)] if stop is not None else [])
        if step is not None:
            if stop is None:
                return str(r.randrange(int(start), None, int(step)))
            call.append(int(step))
        return str(r.randrange(*call))
    if name == "choice":
        return r.choice(range(args[0]))
    if name == "shuffle":
        x = list(range(args[0]))
        r.shuffle(x)
        return x
    if name == "sample":
        n, k, counts = args
        counts = None if counts is None else [int(c) for c in counts]
        return r.sample(range(n), k, counts=counts)
    if name == "choices":
        n, w, cw, k = args
        w = None if w is None else [from_bits(x) for x in w]
        cw = None if cw is None else [from_bits(x) for x in cw]
        return r.choices(range(n), w, cum_weights=cw, k=k)
    if name == "uniform":
        return repr(r.uniform(from_bits(args[0]), from_bits(args[1])))
    if name == "triangular":
        mode = None if args[2] is None else from_bits(args[2])
        return repr(r.triangular(from_bits(args[0]), from_bits(args[1]), mode))
    if name in ("gauss", "normalvariate"):
        return repr(getattr(r, name)(from_bits(args[0]), from_bits(args[1])))
    if name == "expovariate":
        return repr(r.expovariate(from_bits(args[0])))
    if name == "randbytes":
        return r.randbytes(args[0]).hex()
    if name == "reseed":
        r.seed(make_seed(seed))
        return None
    raise AssertionError(name)


# ----------------------------------------------------------------- math

def math_inputs(draw):
    """Floats around every boundary of erf/erfc/cbrt/gamma/lgamma, and random ones."""
    xs = edge_floats()
    for b in (0.84375, 1.25, 1 / 0.35, 6.0, 28.0, 2.0 ** -28, 2.0 ** -56, 0.25, 5.0,
              5.524680040776729583740234375, 23.0, 140.0, 200.0, 1e-20, 171.6, 1.5, 30.0):
        for m in (1.0, -1.0):
            x = b * m
            xs += [x, math.nextafter(x, 0), math.nextafter(x, math.inf),
                   math.nextafter(x, -math.inf)]
    xs += [n / 2 for n in range(-60, 61)] + [-n - 1e-9 for n in range(1, 30)]
    xs += [draw.uniform(-8, 8) for _ in range(1500)]
    xs += [draw.uniform(-250, 250) for _ in range(800)]
    xs += [draw.uniform(-1, 1) * 10.0 ** draw.randint(-320, 308) for _ in range(800)]
    xs += [from_bits("%016x" % draw.getrandbits(64)) for _ in range(400)]
    return xs


def math_rows():
    draw = random.Random(20261204)
    xs = math_inputs(draw)
    rows = []
    for name in ("erf", "erfc", "cbrt", "gamma", "lgamma"):
        fn = getattr(math, name)
        for x in xs:
            rows.append([name, fbits(x), attempt(lambda: fbits(fn(x)))])
    pairs = [(draw.choice(xs), draw.choice(xs)) for _ in range(1500)]
    pairs += [(draw.randint(-40, 40) / 2, draw.choice([0.5, 1.0, 2.0, 3.0, -2.0, 1.5, 0.25]))
              for _ in range(400)]
    pairs += [(x, y) for x in (0.0, -0.0, 1.0, math.inf, -math.inf, math.nan, 5e-324)
              for y in (0.0, -0.0, 1.0, math.inf, -math.inf, math.nan, 5e-324)]
    for x, y in pairs:
        rows.append(["remainder", fbits(x), fbits(y), attempt(lambda: fbits(math.remainder(x, y)))])
    for _ in range(1500):
        n = draw.randint(0, 6)
        if draw.random() < 0.5:
            scale = 10.0 ** draw.randint(-320, 300)
            coords = [draw.uniform(-1, 1) * scale for _ in range(n)]
        else:
            coords = [draw.choice(xs) for _ in range(n)]
        rows.append(["hypot", [fbits(c) for c in coords], fbits(math.hypot(*coords))])
    return rows


# ------------------------------------------------------------ float hex

HEX_TEXTS = ["0x1p0", "1", "0x", "x1", "0x.8", "0x1.", ".", "0x.", "0x1.8p1", "  0x1p-2  ", "-0x1p3",
             "+0X1P+3", "0x1p", "0x1p+", "0x1pa", "inf", "-Infinity", "nAn", "+nan", "-nan",
             "infinit", "infx", "0x1p1024", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023",
             "0x1.fffffffffffff7ffp1023", "0x1p-1074", "0x1p-1075", "0x1.0000001p-1075",
             "0x1p-1076", "0x3p-1076", "0x1.8p-1074", "0x2.8p-1075", "0x1p-1022", "0x0.8p-1022",
             "0x1p99999999999999999999", "0x1p-99999999999999999999", "0x0p99999999999999999999",
             "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080000001p0",
             "0x1.00000000000007ffffp0", "0X10000000000000000000000000000000p-100", "0x_1",
             "0x1\x00", "0x1 2", "\t\n0x1p1\x0b\x0c\r ", "0x1p1 x", "١", "0xé", "0x1.8P-1",
             "0x000000000000000000001p-4", "0x.00000000000000000001p80", "fp0", "F.8", "-0", "-0x0"]


def float_hex_rows():
    draw = random.Random(1204)
    rows = []
    xs = edge_floats() + random_floats(300)
    for x in xs:
        rows.append(["hex", fbits(x), x.hex()])
    texts = [t.encode().decode("unicode_escape") if "\\" in t else t for t in HEX_TEXTS]
    for x in xs[:400]:
        h = x.hex()
        texts += [h, h.upper(), h.replace("0x", ""), h[:-3] if len(h) > 8 else h]
    for _ in range(1500):
        digits = "".join(draw.choice("0123456789abcdef") for _ in range(draw.randint(1, 25)))
        point = draw.randint(0, len(digits))
        text = digits[:point] + ("." if draw.random() < 0.8 else "") + digits[point:]
        text = draw.choice(["", "0x", "-0x", "+0x"]) + text
        if draw.random() < 0.8:
            text += "p" + str(draw.choice([draw.randint(-1200, 1100), draw.randint(-60, 60)]))
        texts.append(text)
    for t in texts:
        rows.append(["fromhex", t, attempt(lambda: fbits(float.fromhex(t)))])
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    write("float_repr.jsonl", float_repr_rows())
    write("float_ops.jsonl", float_op_rows())
    write("format_spec.jsonl", format_rows())
    write("percent_format.jsonl", percent_rows())
    write("random.jsonl", random_rows())
    write("math.jsonl", math_rows())
    write("float_hex.jsonl", float_hex_rows())


if __name__ == "__main__":
    main()
