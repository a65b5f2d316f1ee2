with open(path) as f:
    data = f.read()

with a, b:
    pass

with a as x, b as y:
    pass

with (a as x, b as y):
    pass

with (a, b):
    pass

with (
    open(p) as f,
    open(q) as g,
):
    pass

with (a) as b:
    pass

with a as (b, c):
    pass

with a as b.c, d as e[0]:
    pass

with (yield_):
    pass
