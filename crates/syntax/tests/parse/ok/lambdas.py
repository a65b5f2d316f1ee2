a = lambda: 0
b = lambda x: x + 1
c = lambda x, y=2: x * y
d = lambda *args, **kwargs: (args, kwargs)
e = lambda a, /, b, *, c: a + b + c
f = lambda *, key=None: key
g = lambda x: lambda y: x + y
h = lambda a, b=1, *c, d, e=2, **f: 0
i = lambda x=lambda: 1: x
