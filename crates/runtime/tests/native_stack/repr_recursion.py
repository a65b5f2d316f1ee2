# __repr__ that calls repr() of a new object and min() with a key that calls min():
# Rust calling Python calling Rust..., both ending in RecursionError. (A __eq__ that
# compares again ends so too, but CPython's message adds "while calling a Python
# object", Loopscope's does not yet.)
class Again:
    def __repr__(self):
        return repr(Again())


def smallest(v):
    return min([v], key=smallest)


for name, attempt in [
    ("repr", lambda: repr(Again())),
    ("min", lambda: smallest(1)),
]:
    try:
        attempt()
    except RecursionError as e:
        print(name, "RecursionError:", e)
