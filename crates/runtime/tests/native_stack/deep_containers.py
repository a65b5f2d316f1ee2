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
