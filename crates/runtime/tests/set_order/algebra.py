# Set algebra: operators, methods with several arguments and iterables,
# in-place operators.
a = {'x', 'y', 'z', 'w', 'v'}
b = {'y', 'q', 'r'}
print(a | b, b | a)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(a | a, a & a, a - a, a ^ a)
n = set(range(0, 40, 3))
m = set(range(0, 40, 4))
print(n | m, m | n)
print(n & m, m & n)
print(n - m, m - n)
print(n ^ m, m ^ n)
small = {5, 50}
large = set(range(100))
print(small & large, large & small)
print(large - small)
print(small - large)
tiny = {'q'}
huge = {str(i) for i in range(60)}
print(huge - tiny)
print(tiny - huge)
print(a.union(b, ['k', 'j'], 'lm'))
print(a.union())
print(a.intersection(['z', 'x', 'nope']))
print(a.intersection(b, {'y'}))
print(n.intersection(range(0, 100, 2)))
print(a.difference(['x'], {'y', 'z'}))
print(a.difference({'x': 1}))
print(large.difference({1: 1, 2: 2}))
print(a.symmetric_difference(['x', 'new', 'new2']))
print(a.symmetric_difference({'x': 0, 'k': 1}))
print(n.symmetric_difference(m))
s = set(a)
s |= b
print(s)
s &= {'x', 'y', 'q', 'zz'}
print(s)
s = set(n)
s -= m
print(s)
s ^= {1, 2, 3, 4, 5, 6}
print(s)
s = set('abcdefgh')
s.update('xyz', ['p', 'q'], {'r': 1})
print(s)
s.intersection_update('abcxyzpr', 'abcdxyzr')
print(s)
s.difference_update('a', ['x'])
print(s)
s.symmetric_difference_update('bcmn')
print(s)
t = set(range(50))
t.difference_update(range(10, 45))
print(t)
t.add(100)
print(t)
u = {1, 2, 3}
print(u <= {1, 2, 3, 4}, u < u, u >= {1}, u.isdisjoint({4, 5}), u.issubset([1, 2, 3]))
w = {'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'}
print(w - {'w1', 'w2', 'w3', 'w4', 'w5', 'w6'})
x = w - {'w1', 'w2', 'w3', 'w4', 'w5', 'w6'}
x.add('w9')
print(x)
print(set(n) == n, set(n.copy()))
