# class methods of built-in types through a value or a subclass: (5).from_bytes, "".maketrans, b"".fromhex, a dict subclass's fromkeys making an instance of it through its __setitem__
class D(dict):
    pass
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
class Flags(int):
    pass
print({}.fromkeys("ab", 0), dict.fromkeys([1, 2]), (5).from_bytes(b"\x01\x00", "little"), True.from_bytes(b"\x02", "big"))
print(b"".fromhex("ff00"), bytearray().fromhex("0a"), "".maketrans("a", "b") == str.maketrans("a", "b"))
for made in (D.fromkeys("xy"), D().fromkeys("z", 1), Upper.fromkeys("ab"), Upper().fromkeys(["c"], 3)):
    print(type(made).__name__, made)
print(type(Flags(3).from_bytes(b"\x07", "big")).__name__, Flags.from_bytes(b"\x07", "big"))
try:
    D.fromkeys(5)
except TypeError as e:
    print(e)
