# Exception-group splits count depth as CPython does (split()/subgroup()/except* call a method, each member is a level 'in exceptiongroup_split_recursive', derive() calls the class) without native recursion; subgroup() and except*'s re-raise derive no rest
def nest(n, wide=False):
    eg = ValueError("leaf")
    for i in range(n):
        eg = ExceptionGroup("g", [eg, KeyError(i)] if wide else [eg])
    return eg


def probe(n, depth, **kw):
    if depth:
        return probe(n, depth - 1, **kw)
    try:
        m, r = nest(n, **kw).split(ValueError)
        return f"ok {type(m).__name__} {type(r).__name__}"
    except RecursionError as e:
        return f"RecursionError {e}"


for n in [990, 995, 996, 997, 1000, 20000]:
    print(n, probe(n, 0), "|", probe(n, 0, wide=True))
for d in [0, 1, 2, 3, 4]:
    print("from depth", d, probe(993, d))


def except_star(n, wide):
    try:
        raise nest(n, wide)
    except* ValueError:
        print("caught", end=" ")
    return "ok"


for n in [996, 997, 998]:
    for wide in [False, True]:
        try:
            r = except_star(n, wide)
        except RecursionError as e:
            r = f"RecursionError {e}"
        except BaseException as e:
            r = f"{type(e).__name__} {e}"
        print(n, wide, r)


class Mine(ExceptionGroup):
    def derive(self, excs):
        print("derive", [type(e).__name__ for e in excs])
        return Mine(self.message, excs)


g = Mine("m", [ValueError(1), Mine("i", [KeyError(2), ValueError(3)]), TypeError(4)])
print("subgroup", repr(g.subgroup(ValueError)))
print("subgroup by predicate", repr(g.subgroup(lambda e: isinstance(e, TypeError))))
print("split", g.split(KeyError))


def reraise():
    try:
        raise g
    except* ValueError as e:
        print("caught", repr(e))
    except* KeyError as e:
        print("caught", repr(e))
        raise
    except* TypeError:
        raise RuntimeError("new")


try:
    reraise()
except ExceptionGroup as top:
    print("left", repr(top))
