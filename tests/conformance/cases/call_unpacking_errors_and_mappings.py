# f(*x), f(**m), [*x] and {**m}: any object with keys() and __getitem__ (and a dict subclass) unpacks with **; refusals carry CPython 3.11's messages naming the function ("__main__.f() argument after * must be an iterable, not int", "Value after * ...", "... argument after ** must be a mapping", "keywords must be strings", "got multiple values")
class Mapping:
    def keys(self):
        print("keys")
        return ["a", "b"]

    def __getitem__(self, key):
        print("get", key)
        return key.upper()


class Sub(dict):
    pass


def f(*args, **kwargs):
    return args, kwargs


class Method:
    def m(self, **kw):
        return kw


print(f(**Mapping()))
print({**Mapping(), "c": 3})
print(f(**Sub(x=1)), {**Sub(y=2)}, dict(**Sub(z=3)))
print(f(*range(3), *"ab"), [*range(2), *{"k": 1}])
attempts = [
    lambda: f(*42),
    lambda: f(1, *42),
    lambda: f(*[1], *None),
    lambda: [*42],
    lambda: (1, *None),
    lambda: {*3},
    lambda: print(*5, sep=""),
    lambda: f(**1),
    lambda: f(**{1: 2}),
    lambda: f(a=1, **{"a": 2}),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: {**1},
    lambda: Method().m(**[]),
    lambda: max(**3),
    lambda: f(*(x for x in [1, 2]), **Mapping(), a=9),
]
for attempt in attempts:
    try:
        print(attempt())
    except TypeError as e:
        print("TypeError", e)


class BadIter:
    def __iter__(self):
        raise TypeError("my own TypeError")


try:
    f(*BadIter())
except TypeError as e:
    print("TypeError", e)
