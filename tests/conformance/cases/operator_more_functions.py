# operator's functions beyond the arithmetic ones: methodcaller (repr, arguments), getitem/setitem/delitem, concat, countOf, indexOf, length_hint, call and the in-place forms
import operator
from operator import methodcaller, getitem, iadd
from functools import reduce
m = methodcaller("split", ",", maxsplit=1)
print(m("a,b,c"), repr(m), repr(methodcaller("upper")), methodcaller("upper")("x"))
data = {"a": {"b": {"c": 42}}}
print(reduce(getitem, ["a", "b", "c"], data), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
lst = [1, 2]
operator.setitem(lst, 0, 9)
operator.delitem(lst, 1)
print(lst, operator.concat([1], [2]), operator.length_hint([1, 2, 3]), operator.length_hint(object(), 7), operator.call(max, 3, 4))
acc = [1]
print(iadd(acc, [2]) is acc, acc, operator.imul(3, 4), operator.ior({1}, {2}), operator.inv(5), operator.ixor(6, 3), operator.ipow(2, 10))
for bad in [lambda: methodcaller(3), lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 5), lambda: operator.nothing]:
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
