# frozenset is its own type: repr, hash (CPython's frozenset_hash), dict keys, operations keeping the left operand's type, subclasses
a = frozenset({1, 2})
print(a, repr(frozenset()), type(a).__name__, type(a))
print(hash(frozenset()) == hash(frozenset()), {a: "x"}[frozenset([2, 1])])
s = {a, frozenset([3])}
print(len(s), a in s)
print(a | {3}, type(a | {3}).__name__, {3} | a, type({3} | a).__name__)
print(a & frozenset([2]), a - {1}, a ^ {2, 5})
print(a == {1, 2}, {1, 2} == a, a != {1})
print(a.union([7]), a.intersection([1]), a.difference([1]), a.symmetric_difference([1, 9]))
print(a.issubset({1, 2, 3}), a.issuperset({1}), a.isdisjoint({4}), a.copy() is a)
print(isinstance(a, frozenset), isinstance(a, set), isinstance({1}, frozenset))
try:
    a.add(3)
except AttributeError as e:
    print("AE", e)
print(sorted(a), len(a), 1 in a, list(a))
print(frozenset("aab") == frozenset("ab"))
print(frozenset([frozenset([1])]))
print(set(a), frozenset(a) is a)
print(f"{a}", str(frozenset([None])))
d = {frozenset(["x", "y"]): 1}
print(d)
class F(frozenset): pass
print(F([1]), type(F([1]) | {2}).__name__)
print(a <= {1, 2}, a < {1, 2, 3})
print(frozenset({1: 2}), frozenset(range(3)))
print(hash(frozenset([1,2,3])), hash(frozenset()))
class S(set): pass
class F(frozenset): pass
print(S([1]), S(), F(), F([2]), repr(S([3])))
print(hash(F([1])) == hash(frozenset([1])), F([1]) == frozenset([1]))
fs = frozenset([1])
fs |= {2}
print(fs, type(fs).__name__)
print(frozenset([1, 2]) < frozenset([1, 2, 3]), {frozenset(): 1})
print(hash(frozenset([1,2,3])), hash(frozenset()), hash(frozenset(["a"])) == hash(frozenset(["a"])))
print(frozenset("abc") - set("a") == frozenset("bc"))
s = {1, 2}
s.add(frozenset([5]))
print(frozenset([5]) in s, {1, 2} in [frozenset([1, 2])])
print(frozenset([3]).union([4], [5]), frozenset([1, 2]).intersection({2}, [2, 3]))
print(frozenset.__name__, frozenset, isinstance(frozenset(), frozenset))
print(sorted(frozenset([3,1,2])), max(frozenset([3, 9])))
print(frozenset(x for x in range(4) if x % 2))
