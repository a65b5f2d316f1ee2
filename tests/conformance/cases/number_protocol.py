# The numeric protocol of classes: round/math.floor/ceil/trunc, divmod and three-argument pow call the special methods; __index__ serves indexing, slicing, range, hex/bin/oct, operator.index and sequence repetition.
import math
class N:
    def __init__(self, v): self.v = v
    def __round__(self, nd=None): return f"round{nd}"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __trunc__(self): return "trunc"
    def __divmod__(self, o): return "divmod"
    def __rdivmod__(self, o): return "rdivmod"
    def __pow__(self, o, m=None): return f"pow{m}"
    def __rpow__(self, o): return "rpow"
    def __index__(self): return 1
    def __abs__(self): return "abs"
    def __neg__(self): return "neg"
    def __invert__(self): return "inv"
    def __matmul__(self, o): return "matmul"
    def __format__(self, spec): return f"fmt[{spec}]"
    def __bool__(self): return False
    def __len__(self): return 3
n = N(2)
print(round(n), round(n, 2), math.floor(n), math.ceil(n), math.trunc(n), divmod(n, 1), divmod(1, n))
print(pow(n, 2), pow(n, 2, 5), 2 ** n, abs(n), -n, ~n, n @ n, f"{n:>5}", format(n, "x"), bool(n), len(n))
import operator
print(operator.index(n), range(n), list(range(n, 4)), "ab" * n, [0] * n)
print([10, 20, 30][n], "abc"[n], range(5)[n], [1, 2, 3][n:], hex(n), bin(n), oct(n))


class Plain:
    pass


for attempt in [lambda: round(Plain()), lambda: math.trunc(Plain()), lambda: divmod(Plain(), 1),
                lambda: [1][Plain()], lambda: operator.index(2.5)]:
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)
