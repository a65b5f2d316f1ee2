# pickle.loads of cut, damaged and random bytes raises CPython's errors and messages (truncation, underflow, unknown opcodes, Python 2 strings)
import pickle
import random

good = pickle.dumps([1, 2, 3])
cases = [good[:-3], good[:-1], b"", b"\x80", b"\x80\x04", b"\x80\x09", b"garbage", b"\x00\x01\x02",
         b"(", b".", b"N", b"K", b"X\x05\x00\x00\x00ab", b"\x80\x04\x95\x05\x00", b"I12", b"I12\n",
         b"Ix\n.", b"c__main__\n", b"h\x05.", b"a", b"(a.", b"0.", b"(0.", b"]N\x86.", b"\xff", b"'",
         b"\\", b"\x85.", b"(\x85.", b"2.", b"R.", b"b.", b"s.", b"q\x01.", b"\x94.", b"e.", b"u.",
         b"P1\n.", b"Q.", b"\x82\x07", b"\x83\x01\x02", b"\x84\x01\x00\x00\x00", b"\x97", b"U\x03abc.",
         b"T\x02\x00\x00\x00hi.", b"T\xff\xff\xff\xff.", b"U\x03ab\xe9.", b"J\x01\x02",
         b"\x8a\x05\x01", b"\x8b\xff\xff\xff\xff.", b"\x95\xff\x00\x00\x00\x00\x00\x00\x00N."]
for protocol in range(6):
    data = pickle.dumps({"a": [1, (2, 3)], "b": "xyz" * 3, "c": 2**70, "d": 1.5}, protocol)
    for cut in (1, 2, len(data) // 3, len(data) // 2, len(data) - 1):
        cases.append(data[:cut])
rng = random.Random(7)
for _ in range(200):
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12)))
    if data[0] not in b"\x96ciS\x93":  # huge allocations, imports and Python 2 escapes
        cases.append(data)
for data in cases:
    try:
        print(data, "ok", repr(pickle.loads(data)))
    except Exception as e:
        print(data, type(e).__name__, e)
for data in [b"U\x03abc.", b"U\x03ab\xe9.", b"T\x02\x00\x00\x00hi."]:
    for encoding in ("ASCII", "latin1", "bytes"):
        try:
            print(data, encoding, repr(pickle.loads(data, encoding=encoding)))
        except Exception as e:
            print(data, encoding, type(e).__name__, e)
for data in [b"S'abc'\n.", b'S"a\\x41\\n\\101"\n.', b"Sabc\n.", b"S'a\\x4'\n.", b"S'\n.", b"S'a\\'\n.",
             b"S''\n.", b"I12\x00x\n.", b"L12\n.", b"L12L\n.", b"L0x1gL\n.", b"L\n.", b"F1.5x\n.",
             b"Fx1\n.", b"F\n.", b"g\n.", b"g1x\n.", b"p-1\n.", b"(o.", b"(K\x01o."]:
    try:
        print(data, repr(pickle.loads(data)))
    except Exception as e:
        print(data, type(e).__name__, e)


class Plain:
    pass


class Slotted:
    __slots__ = ("b",)


states = {"dict and None": b"}X\x01\x00\x00\x00aK\x01sN\x86", "None and None": b"NN\x86",
          "{} and slots": b"}}X\x01\x00\x00\x00bK\x02s\x86", "None and 5": b"NK\x05\x86", "0": b"K\x00",
          "''": b"X\x00\x00\x00\x00", "{}": b"}", "5": b"K\x05", "None": b"N"}
for cls in (Plain, Slotted):
    head = b"\x80\x02c__main__\n" + cls.__name__.encode() + b"\nq\x00)\x81q\x01"
    for name, state in states.items():
        try:
            obj = pickle.loads(head + state + b"b.")
            print(cls.__name__, name, sorted(getattr(obj, "__dict__", {}).items()), getattr(obj, "b", "-"))
        except Exception as e:
            print(cls.__name__, name, type(e).__name__, e)

seeds = [pickle.dumps(v, p) for p in range(6)
         for v in ([1, 2, (3, 4)], {"a": b"xy", "b": 2**40}, frozenset([5]), [1.5, -3, None, True], ("x" * 30,))]
rng = random.Random(11)
for i in range(400):
    data = bytearray(rng.choice(seeds))
    for _ in range(rng.randrange(1, 4)):
        at = rng.randrange(len(data))
        kind = rng.randrange(4)
        if kind == 0:
            data[at] = rng.randrange(256)
        elif kind == 1:
            del data[at:at + rng.randrange(1, 4)]
        elif kind == 2:
            data.insert(at, rng.randrange(256))
        else:
            del data[at:]
        if not data:
            break
    data = bytes(data)
    # Not: huge allocations, the codecs (bytes before protocol 3), imports.
    if data[:1] in (b"c", b"i") or b"\x96" in data or b"codecs" in data:
        continue
    try:
        print(i, "ok", repr(pickle.loads(data)))
    except Exception as e:
        print(i, type(e).__name__, e)
