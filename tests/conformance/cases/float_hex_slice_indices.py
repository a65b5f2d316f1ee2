# float.hex/fromhex (rounding, subnormals, errors, subclasses), slice.indices with big and odd bounds, __getnewargs__, __getformat__
for x in [0.0, -0.0, 1.0, -0.1, 3.14159, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          float('inf'), float('-inf'), float('nan'), 1e-310, 2.0 ** 60]:
    print(repr(x), x.hex(), float.fromhex(x.hex()) == x or x != x)

for text in ['0x1.ffffp10', '-0x1p-1074', ' 0X1.8P+1 ', 'inf', '-Infinity', 'nan', '1.8', '.8p1',
             '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1p-1075', '0x3p-1076',
             '0x1.fffffffffffff8p1023', '0x1p1024', '0x', 'x1', '0x1p', '0x1 p1', '0x1p1 x', '',
             '0x1p-99999999999999999999', '0x1p99999999999999999999']:
    try:
        print(repr(text), repr(float.fromhex(text)))
    except (ValueError, OverflowError) as e:
        print(repr(text), type(e).__name__, e)


class Meters(float):
    def __repr__(self):
        return f'Meters({float(self)!r})'


print(Meters.fromhex('0x1.8p1'), type(Meters.fromhex('0x1p0')).__name__, (2.5).fromhex('0x1p1'))
for bad in [lambda: float.fromhex(5), lambda: float.fromhex(b'0x1'), lambda: float.fromhex(),
            lambda: (1.0).hex(1), lambda: float.__getformat__('x'), lambda: float.__getformat__(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(float.__getformat__('double'), float.__getformat__('float'))
print((3).__getnewargs__(), True.__getnewargs__(), (2.5).__getnewargs__(), (10 ** 30).__getnewargs__())


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


for s, n in [(slice(None), 10), (slice(None, None, -1), 10), (slice(-100, 100, 3), 10),
             (slice(2, -2), 7), (slice(5, 1, -2), 3), (slice(10 ** 30, -10 ** 30, -2), 10 ** 25),
             (slice(Index(2), Index(-1), Index(1)), Index(6)), (slice(True, 3), True), (slice(0, 0), 0),
             (slice(None, None, 10 ** 20), 5)]:
    shown = s if isinstance(n, int) else 'slice of Index'
    walked = list(range(*s.indices(5)))[:5] if s.step != 10 ** 20 else ''
    print(shown, n if isinstance(n, int) else 'Index', s.indices(n), walked)
for s, n in [(slice(1, 2), -1), (slice(1, 2, 0), 5), (slice('a'), 5), (slice(1, 2), 'x'),
             (slice(1, 2), 2.5), (slice(1, 2, 'x'), -1), (slice(1.5, 2), 3)]:
    try:
        s.indices(n)
    except (TypeError, ValueError) as e:
        print(s, type(e).__name__, e)
for bad in [lambda: slice(1).indices(), lambda: slice(1).indices(1, 2), lambda: slice(1).indices(length=3)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
