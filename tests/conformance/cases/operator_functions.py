# operator's functions for every operator, as functools.reduce and sorted keys use them.
import functools
import operator

print(functools.reduce(operator.mul, range(1, 8)), functools.reduce(operator.or_, [1, 2, 8]))
print(operator.pow(2, 10), operator.lshift(1, 5), operator.rshift(256, 3), operator.xor(6, 3), operator.and_(6, 3))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.ge(1, 2), operator.gt(3, 2))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.contains("abc", "z"))
print(operator.neg(5), operator.pos(-5), operator.invert(5), operator.not_([]), operator.truth([0]), operator.abs(-2.5))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(-7, 3), operator.sub(1, 5), operator.index(True))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=operator.itemgetter(0)), list(map(operator.add, [1, 2], [10, 20])))
try:
    operator.lt(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    operator.add(1)
except TypeError as e:
    print("TypeError:", e)
