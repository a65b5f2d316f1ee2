# complex numbers: format() and f-string specs, special methods, numbers.Complex, containers
import numbers
z = 1.5 + 2.25j
for spec in ["", "g", ".2f", "10.3f", "<20.2e", "^20.2e", ">20", "*^24.3g", "+.1f", " .1f", "-.1f", ",.2f", "_", ".0f", "#.0f", "#g", "n", "E", "F", ".3", "G", "z.1f"]:
    print(repr(spec), repr(format(z, spec)), repr(format(-0j, spec)), repr(format(complex(1e20, -1e-7), spec)), repr(format(complex(float("inf"), float("nan")), spec)))
print(f"{z}|{z!r}|{z:.3f}|{z:>16}|{3j:<8}|{-3j:^10}|{1e16j}")
print("{:.2f} and {}".format(1 + 1j, 2j), "%s %r" % (1j, 2 + 0j))
for spec in ["010", "=10", "d", "%", "c", "x", "s", ".2%", "0<10"]:
    try:
        format(z, spec)
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
print(isinstance(1j, numbers.Complex), isinstance(1j, numbers.Real), isinstance(1j, numbers.Number), isinstance(1.0, numbers.Complex))
print(z.__add__(1), z.__radd__(1), z.__mul__("a"), z.__truediv__(2), z.__rtruediv__(1), z.__pow__(2), z.__rpow__(2), z.__eq__(1.5 + 2.25j), z.__lt__(1j))
print(z.__complex__(), z.__getnewargs__(), z.__abs__(), z.__neg__(), z.__pos__(), z.__bool__(), z.__hash__() == hash(z), z.__format__(".1f"), z.__repr__())
print(hasattr(1j, "__len__"), hasattr(1j, "__round__"), hasattr(1j, "__int__"), hasattr(1j, "__float__"), hasattr(1j, "__floordiv__"), hasattr(1j, "__mod__"))
print(complex.conjugate(z), complex.__add__(z, 1j), type(z).__name__, complex, complex(z) is z)
d = {1: "one", 2.5: "two and a half", 1j: "i"}
print(d[1 + 0j], d[2.5 + 0j], d[complex(0, 1)], 1j in {1j, 2j}, {1, 1.0, 1 + 0j}, [1j, 2j].index(2j), (1j, 2).count(1j))
print(sorted([3 + 1j, 1 + 2j, 2 + 0j], key=abs), max([1 + 1j, 3j, -2], key=lambda c: c.imag))
print(0.1j + 0.2j, 1 / 3j, (1 + 2j) / (3 - 4j), complex(1, 2) * complex(3, 4), 1e308j * 10, (1e308 + 1e308j) / (1e-308 + 1e-308j))
class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
class Bad:
    def __complex__(self):
        return 1.5
print(complex(C()), complex(F()), complex(I()), complex(F(), I()), complex(1, F()))
try:
    complex(Bad())
except TypeError as e:
    print("TypeError:", e)
match 1 + 2j:
    case 1 + 2j:
        print("matched 1+2j")
match -3j:
    case -3j:
        print("matched -3j", repr(-3j))
