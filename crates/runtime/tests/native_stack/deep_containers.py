# repr, comparison and hashing of structures nested far deeper than the recursion
# limit: RecursionError for repr and ==, as in CPython; hash() of nested tuples
# is computed without recursion (CPython's crashes)
deep = []
for _ in range(100_000):
    deep = [deep]
try:
    repr(deep)
except RecursionError as e:
    print("repr RecursionError:", e)
other = []
for _ in range(100_000):
    other = [other]
try:
    print(deep == other)
except RecursionError as e:
    print("== RecursionError:", e)
t = ()
for _ in range(100_000):
    t = (t,)
print(type(hash(t)).__name__)
# taken apart from the outside in, so that no free recurses (freeing a deep
# structure in one go still recurses natively: issue 10)
while deep:
    deep = deep[0]
while other:
    other = other[0]
while t:
    t = t[0]
