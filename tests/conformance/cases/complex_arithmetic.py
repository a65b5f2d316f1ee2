# complex numbers: literals, construction, repr/str, arithmetic, errors
import math
vals = [1j, 2J, 1.5e3J, 0j, -0j, 1+2j, 1-0j, -(1+2j), 1e16j, 1e-5j, complex(math.nan, math.inf), complex(-0.0, -0.0), 1_0j]
for v in vals:
    print(repr(v), str(v), v.real, v.imag, v.conjugate(), bool(v), hash(v) if v == v else "nan")
print([complex(), complex(1), complex(1.5, 2), complex(True), complex(1j, 1j), complex(real=1), complex(imag=2), complex(2, 1j)])
for s in ["1+2j", " ( 1+2j ) ", "j", "-j", "1+j", "1e5", "inf-infj", "-nanj", "1_0j", "1.5e-3-2.5E+2J", "  3  ", "+1.5j", "NaN+Infinityj", "١٢+٣j"]:
    print(repr(s), complex(s))
for bad in ["", " ", "x", "1+", "1+2", "1__0j", "_1j", "1j_", "(1+2j", "1+2j)", "1+2jj", "1 + 2j", "j1", "1e", "infj+1"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
for args in [("1+2j", 1), (1, "2"), ([],), (1, []), (b"1",), (1, 2, 3)]:
    try:
        complex(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    complex(x=1)
except TypeError as e:
    print("TypeError:", e)
a, b = 3+4j, 1-2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -2, a ** b, a ** 0.5, b ** 3, a ** 101, a ** 0)
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a / 2, 2 / a, 2 ** a, a - True, abs(a), abs(-0.0-3j))
print((1e200+1e200j) ** 2, (-8) ** (1/3), pow(2, 1j), 2 ** 0.5j, 1j ** 2, (1+1j) ** 0.5)
print(sum([1j, 2, 3.5]), 1j == 1j + 0, 1 + 0j == 1, (1 + 0j) == True, 1j != 1j, 2.0 + 0j == 2.0, (2**53 + 1) + 0j == 2**53 + 1)
x = 1 + 2j
x += 1
x *= 2j
print(x, -x, +x, type(x), type(x).__name__, isinstance(x, complex))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(complex(-1, 0)))
cases = [
    ('1j % 2', lambda: 1j % 2),
    ('1j // 2', lambda: 1j // 2),
    ('divmod(1j, 2)', lambda: divmod(1j, 2)),
    ('int(1j)', lambda: int(1j)),
    ('float(1j)', lambda: float(1j)),
    ('1j < 2', lambda: 1j < 2),
    ('1j >= 1j', lambda: 1j >= 1j),
    ('pow(1j, 2, 3)', lambda: pow(1j, 2, 3)),
    ('pow(2, 3, 1j)', lambda: pow(2, 3, 1j)),
    ('0j ** -1', lambda: 0j ** -1),
    ('0j ** 1j', lambda: 0j ** 1j),
    ('1j / 0', lambda: 1j / 0),
    ('1 / 0j', lambda: 1 / 0j),
    ('1j / 0j', lambda: 1j / 0j),
    ('round(1j)', lambda: round(1j)),
    ('~1j', lambda: ~1j),
    ('1j & 1', lambda: 1j & 1),
    ('(1e300j) ** 1.5', lambda: (1e300j) ** 1.5),
    ('10j ** 400', lambda: 10j ** 400),
    ('math.floor(1j)', lambda: math.floor(1j)),
    ('math.sqrt(1j)', lambda: math.sqrt(1j)),
    ('abs(complex(1e308, 1e308) * 2)', lambda: abs(complex(1e308, 1e308) * 2)),
    ("1j + 'a'", lambda: 1j + 'a'),
    ("'a' * 1j", lambda: 'a' * 1j),
    ('(1j).foo', lambda: (1j).foo),
    ('max(1j, 2j)', lambda: max(1j, 2j)),
    ('sorted([1j, 2j])', lambda: sorted([1j, 2j])),
    ('(-8) ** 0.5', lambda: (-8) ** 0.5),
    ('(-8.0) ** 1.5', lambda: (-8.0) ** 1.5),
    ('abs(complex(1e308, 1e308))', lambda: abs(complex(1e308, 1e308))),
]
for text, f in cases:
    try:
        print(text, '->', f())
    except Exception as exc:
        print(text, '->', type(exc).__name__ + ':', exc)
