# math.erf, erfc, gamma, lgamma, remainder and cbrt: values bit for bit (repr), special values, poles and their errors
import math

values = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 2.0, 2.5, 3.0, 5.0, -5.5, 10.0, 0.1, 1e-10,
          -1e-25, 27.0, -8.0, 171.5, -171.5, 1e300, -1e300, 5e-324, 30.0, -30.0, 0.84375,
          1.25, 2.857142857142857, 6.0, 28.0, 150.5, -150.5, -200.5, 201.0, 1 / 3,
          float('inf'), float('-inf'), float('nan')]

for name in ('erf', 'erfc', 'gamma', 'lgamma', 'cbrt'):
    fn = getattr(math, name)
    for x in values:
        try:
            print(name, repr(x), repr(fn(x)))
        except (ValueError, OverflowError) as e:
            print(name, repr(x), type(e).__name__, e)

for x, y in [(10, 3), (11, 3), (-10, 3), (7.5, 2), (-7.5, 2), (5, 2), (3, 2), (2.5, 1),
             (3.5, 1), (1e300, 3.1), (0.0, 1), (-0.0, 1), (1, 0), (1, -0.0),
             (float('inf'), 1), (1, float('inf')), (float('nan'), 1), (1, float('nan')),
             (-1, float('-inf')), (5e-324, 1e-323), (True, 2)]:
    try:
        print('remainder', x, y, repr(math.remainder(x, y)))
    except ValueError as e:
        print('remainder', x, y, 'ValueError', e)

for call in [lambda: math.erf('1'), lambda: math.gamma(), lambda: math.remainder(1),
             lambda: math.cbrt(1, 2), lambda: math.lgamma(None), lambda: math.gamma(10 ** 400),
             lambda: math.remainder(1, 'x')]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

print(math.gamma(5), math.lgamma(100), math.cbrt(-27), math.erf(2 ** 0.5 / 2))

# How each kind of math function words a wrong call.
for call in ['math.sin()', 'math.floor(1, 2)', 'math.frexp()', 'math.fsum()', 'math.isqrt(x=4)',
             'math.atan2(1)', 'math.atan2(1, x=2)', 'math.pow(1, 2, 3)', 'math.comb(1)',
             'math.perm()', 'math.log()', 'math.log(1, 2, 3)', 'math.log(x=1)', 'math.prod()',
             'math.prod(1, 2)', 'math.prod([1], foo=2)', 'math.isclose(1)', 'math.isclose()',
             'math.isclose(1, 2, 3)', 'math.isclose(1, 2, foo=3)', 'math.ldexp(1)',
             'math.remainder(x=1, y=2)', 'math.dist([1])', 'math.ulp()']:
    try:
        eval(call)
    except TypeError as e:
        print(call, e)

# hypot and dist: CPython's correctly rounded vector norm
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1e-320, 1e-320), math.hypot(1e308, 1e308, 0.5))
print(math.hypot(0.1, 0.2, 0.3), math.hypot(1, float('nan'), float('inf')), math.hypot(2, float('nan')))
print(math.dist((0.1, 0.7), (2.3, -1.9)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((), ()))
print([math.hypot(i / 7, i / 3) for i in range(1, 8)])
