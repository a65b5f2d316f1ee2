# dir() of built-in values and types lists their methods, data attributes and class-level names as CPython does (sorted, dunders included); int.bit_count and bytes.istitle
for obj in [[], {}, "", 7, True, (), set(), frozenset(), b"", range(3), 2j, ValueError("v"), object()]:
    print(type(obj).__name__, dir(obj))
print([n for n in dir(1.5) if not n.startswith("_") and n not in ("fromhex", "hex")])
print(dir(list) == dir([]), dir(int) == dir(5), len(dir(str)))

class Base:
    kind = "base"
    def run(self):
        pass

class Store(Base, dict):
    pass

class Plain(Base):
    def __init__(self):
        self.value = 1

print(dir(Plain()))
print(dir(Store()))
print([n for n in dir(Store) if not n.startswith("__")])
print((255).bit_count(), (-7).bit_count(), (2 ** 100 - 1).bit_count(), True.bit_count())
print([w.istitle() for w in [b"Hello World", b"hello", b"HELLO", b"A1 B2", b"", b"123"]], bytearray(b"Ab Cd").istitle())
