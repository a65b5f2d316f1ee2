# Every native operation that builds text or bytes from other values checks the
# result's size before it allocates: each step below would double (or worse)
# what it is given, so without the check a few dozen steps allocate gigabytes
# inside one operation, before any periodic limit check runs. The size cap is
# lowered to 1,000,000 here (10,000,000 by default) and the memory budget to 64 MiB
# (1 GiB), so that the case stays fast.
# limit max_sequence_len 1000000
# limit memory_bytes 67108864
def grow(name, step, start):
    s = start
    steps = 0
    try:
        while True:
            s = step(s)
            steps += 1
    except MemoryError:
        print(name, "MemoryError after", steps, "steps")


def refused(name, make):
    try:
        make()
    except MemoryError:
        print(name, "MemoryError")


grow("f-string", lambda s: f"{s}{s}", "x")
grow("f-string !r", lambda s: f"you said {s!r}", "hello")
grow("repr", repr, "\\")
grow("ascii", ascii, "\\")
grow("str.format", lambda s: "{}{}".format(s, s), "x")
grow("str.format_map", lambda s: "{a}{a}".format_map({"a": s}), "x")
grow("percent", lambda s: "%s%s" % (s, s), "x")
grow("percent %r", lambda s: "%r" % s, "\\")
grow("translate", lambda s: s.translate({120: "xx"}), "x")
grow("bytes.hex", lambda b: b.hex().encode(), b"x")
grow("bytes.join", lambda b: b"".join([b, b]), b"x")
grow("bytes.replace", lambda b: b.replace(b"x", b"xx"), b"x")
grow("bytes.expandtabs", lambda b: (b + b"\t" + b).expandtabs(8), b"x")
shared = []
for _ in range(60):
    shared = [shared, shared]
refused("repr of 2**60 lists", lambda: repr(shared))
refused("str of 2**60 lists", lambda: str(shared))
refused("f-string of 2**60 lists", lambda: f"{shared}")
refused("percent of 2**60 lists", lambda: "%s" % (shared,))
refused("print of 2**60 lists", lambda: print(shared))
big = "y" * 100_000
refused("print of 2,000 strings", lambda: print(*[big] * 2_000))
refused("repr of 2,000 strings", lambda: repr([big] * 2_000))
refused("format width", lambda: format(1, "2000000000"))
refused("f-string width", lambda: f"{'x':>{2_000_000_000}}")
refused("float precision", lambda: format(1.0, ".2000000000f"))
refused("str.format width", lambda: "{:2000000000}".format(1))
refused("percent width", lambda: "%2000000000d" % 1)
refused("percent star width", lambda: "%*s" % (2_000_000_000, "x"))
refused("percent precision", lambda: "%.2000000000f" % 1.0)
refused("bytes.center", lambda: b"x".center(2_000_000_000))
refused("bytes.ljust", lambda: b"x".ljust(2_000_000_000))
refused("bytes.zfill", lambda: b"1".zfill(2_000_000_000))
refused("bytes.replace between bytes", lambda: (b"ab" * 1000).replace(b"", b"x" * 100_000))
refused("int.to_bytes", lambda: (1).to_bytes(2_000_000_000, "big"))
huge = 1 << 4_000_000
for _ in range(5):
    huge = huge << 4_000_000
refused("bin of a big int", lambda: bin(huge))
refused("format b of a big int", lambda: format(huge, "b"))
refused("percent x of a big int", lambda: "%x" % huge)
import random
refused("random.getrandbits", lambda: random.getrandbits(20_000_000_000))
