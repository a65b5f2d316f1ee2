# cmath: sqrt, exp, log, log10, phase, polar, rect, isclose and the constants, with CPython's errors and special values
import cmath
inf, nan = float("inf"), float("nan")
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
vals = [0j, -0.0 + 0j, complex(0, -0.0), 1, -1, 4, 2.5, 1j, -1j, 3 + 4j, -3 - 4j, 1e-320 + 1e-320j, 1e308 + 1e308j,
        0.75 + 0.5j, 1e-10 + 1j, complex(-2, -0.0), complex(-2, 0.0)]
for z in vals:
    print(repr(z), cmath.sqrt(z), cmath.phase(z), cmath.polar(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
for z in vals[3:]:
    print(repr(z), cmath.exp(z) if abs(z) < 700 else "-", cmath.log(z), cmath.log10(z), cmath.log(z, 2), cmath.log(z, 1j))
specials = [complex(inf, 0), complex(-inf, 0), complex(0, inf), complex(0, -inf), complex(inf, inf), complex(-inf, -inf),
            complex(nan, 0), complex(0, nan), complex(inf, nan), complex(nan, inf), complex(-inf, 2), complex(inf, -2),
            complex(-inf, nan), complex(1, -inf), complex(-1, inf), complex(-0.0, -0.0)]
for z in specials:
    row = [repr(z)]
    for f in (cmath.sqrt, cmath.exp, cmath.log, cmath.log10):
        try:
            row.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(*row)
for r, phi in [(1, 0), (2, cmath.pi / 2), (1, -0.0), (-1, 0.5), (0, inf), (inf, 0), (inf, 1), (-inf, 1), (inf, 0.0), (nan, 0), (1, nan), (2, inf), (1e308, 1e-308), (-0.0, 1)]:
    try:
        print(r, phi, cmath.rect(r, phi))
    except (ValueError, OverflowError) as e:
        print(r, phi, type(e).__name__ + ":", e)
print(cmath.isclose(1, 1 + 1e-10j), cmath.isclose(1, 1.001), cmath.isclose(1, 1.001, rel_tol=0.01), cmath.isclose(0, 1e-12j, abs_tol=1e-9),
      cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(inf, 0), complex(-inf, 0)), cmath.isclose(nan, nan), cmath.isclose(a=1j, b=1j))
class C:
    def __complex__(self):
        return 3 + 4j
print(cmath.sqrt(C()), cmath.phase(C()), abs(cmath.exp(1j * cmath.pi) + 1) < 1e-15, cmath.exp(1j * cmath.pi))
cases = [("cmath.log(0)", lambda: cmath.log(0)), ("cmath.log(0, 2)", lambda: cmath.log(0, 2)), ("cmath.log(2, 0)", lambda: cmath.log(2, 0)),
         ("cmath.log(2, 1)", lambda: cmath.log(2, 1)), ("cmath.log10(0)", lambda: cmath.log10(0)), ("cmath.exp(1000)", lambda: cmath.exp(1000)),
         ("cmath.exp(710+1j)", lambda: cmath.exp(710 + 1j)), ("cmath.polar(complex(1e308, 1e308) * 10)", lambda: cmath.polar(complex(1e308, 1e308) * 10)),
         ("cmath.sqrt('a')", lambda: cmath.sqrt("a")), ("cmath.sqrt()", lambda: cmath.sqrt()), ("cmath.phase(1, 2)", lambda: cmath.phase(1, 2)),
         ("cmath.log()", lambda: cmath.log()), ("cmath.log(1, 2, 3)", lambda: cmath.log(1, 2, 3)), ("cmath.rect(1)", lambda: cmath.rect(1)),
         ("cmath.rect(1j, 0)", lambda: cmath.rect(1j, 0)), ("cmath.isclose(1)", lambda: cmath.isclose(1)), ("cmath.isclose(1, 2, 3)", lambda: cmath.isclose(1, 2, 3)),
         ("cmath.isclose(1, 2, rel_tol=-1)", lambda: cmath.isclose(1, 2, rel_tol=-1)), ("cmath.sqrt(10 ** 400)", lambda: cmath.sqrt(10 ** 400)),
         ("cmath.sqrt(x=1)", lambda: cmath.sqrt(x=1))]
for text, f in cases:
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)
