# hash() of built-in values, as CPython 3.11 computes them with
# PYTHONHASHSEED=0 (values CPython hashes by address are left out).
values = [
    '', 'a', 'b', 'z', 'A', '0', ' ', '\n', 'ab', 'abc', 'abcd', 'hello',
    'hello world!', 'abcdefg', 'abcdefgh', 'abcdefghi', 'abcdefghijklmnop',
    'abcdefghijklmnopq', 'main', 'task', 'Task-1', 'Task-2', 'Task-10',
    'result', 'value', 'name', 'key', 'x', 'y', '__main__', 'asyncio',
    'é', 'café', 'naïve', 'ÿ', '\xa0', 'Ω', 'Ωmega', 'ā', '日本語', '中',
    '€', '€uro', '😀', 'a😀', '😀😀', '𝔘𝔫𝔦', 'mixé€😀', '\u0100', 'ā\u7fff',
]
values += ['x' * n for n in range(20)]
values += [chr(c) for c in range(32, 127, 5)]
values += [b'', b'a', b'abc', b'\x00', b'\x00\xff', b'abcdefgh', b'abcdefghi',
           bytes(range(16)), bytes(range(250, 256))]
values += [(), (1,), (1, 2), (2, 1), (1, 2, 3), ('a',), ('a', 'b'),
           ('a', 1, 2.5), ((1, 2), (3,)), ((),), (-1,), (-2,), (True, False),
           (0, 0, 0, 0, 0, 0, 0, 0, 0, 0), ('x', ('y', ('z',))), (b'ab', 'ab')]
values += [0, 1, -1, -2, 2, 7, 8, 100, -100, 12345678, -12345678,
           2**31, 2**32, 2**60 - 1, 2**60, 2**61 - 2, 2**61 - 1, 2**61,
           2**62, 2**63 - 1, 2**63, 2**64, 2**100, -2**61, -2**61 + 1,
           -2**63, -2**64, 10**30, -10**30, 3**50]
values += [0.0, -0.0, 0.5, -0.5, 1.0, 1.5, 2.5, 3.14, -3.14, 1e10, 1e-10,
           1e300, 1e-300, 5e-324, 1.7976931348623157e308, 0.1, 0.2, 0.3,
           123.456, float('inf'), float('-inf'), 2.0**61, 2.0**62, -2.0**70]
values += [True, False]
values += list(range(-5, 25))
for v in values:
    print(repr(v), hash(v))
print(len(values), 'values')
