# str and bytes concatenation, join, replace and expandtabs stop at the
# engine's size cap with MemoryError instead of an allocator abort
def grow(name, step, start):
    s = start
    try:
        while True:
            s = step(s)
    except MemoryError:
        print(name, "MemoryError", len(s) <= 10_000_000)


grow("str +", lambda s: s + s, "x")
grow("bytes +", lambda s: s + s, b"x")
grow("join", lambda s: "".join([s, s, s]), "x")
grow("replace", lambda s: s.replace("x", "xxxx"), "x")
grow("expandtabs", lambda s: (s + "\t" + s).expandtabs(8), "x")
try:
    "\t\t\t\t".expandtabs(4_000_000)
except MemoryError:
    print("expandtabs wide MemoryError")
try:
    ("ab" * 1000).replace("", "x" * 100_000)
except MemoryError:
    print("replace between every character MemoryError")
