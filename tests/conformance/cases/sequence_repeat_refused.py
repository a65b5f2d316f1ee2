# a sequence times an object that neither operand's __mul__/__rmul__ takes: CPython's 'can't multiply sequence by non-int of type ...', for str/list/tuple/bytes/bytearray and their subclasses, either side, in place too
class V:
    def __rmul__(s, o): return NotImplemented
    def __mul__(s, o): return NotImplemented
class W: pass
class S(str): pass
class L(list): pass
class I:
    def __index__(self): return 2
for e in ['"s" * V()', 'V() * "s"', '[1] * W()', 'W() * (1,)', '"s" * 1.5', 'S("ab") * W()', 'L([1]) * V()', 'b"x" * W()', 'bytearray(b"x") * W()', '"ab" * I()', '[0] * I()', 'W() * W()', 'V() * 3', '"a" * "b"', 'S("a") * S("b")']:
    try: print(e, repr(eval(e)))
    except TypeError as x: print(e, x)
x = "s"
try:
    x *= V()
except TypeError as e:
    print("inplace", e)
