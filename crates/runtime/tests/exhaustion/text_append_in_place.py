# s += t grows a string that nothing else holds in place, in a local, a global and a
# cell: past the engine's size cap (and past the memory budget, lowered here to
# 64 MiB) it is MemoryError inside the program as when the sum is copied, and the
# variable still holds the string it held before the append that failed
# limit memory_bytes 67108864
def grow_local(chunk):
    s = ""
    try:
        while True:
            s += chunk
    except MemoryError as e:
        print("local", repr(e), len(s) > 0, len(s) % len(chunk) == 0)


def grow_cell(chunk):
    s = ""

    def add():
        nonlocal s
        s += chunk

    try:
        while True:
            add()
    except MemoryError as e:
        print("cell", repr(e), len(s) > 0, len(s) % len(chunk) == 0)


grow_local("x" * 1_000_000)
grow_cell("z" * 1_000_000)
g = ""
try:
    while True:
        g += "w" * 1_000_000
except MemoryError as e:
    print("global", repr(e), len(g) > 0, len(g) % 1_000_000 == 0)
del g
print("goes on:", len("v" * 1000))
