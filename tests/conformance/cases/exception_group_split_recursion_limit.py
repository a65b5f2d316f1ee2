# except* and split/subgroup on exception groups nested past the recursion limit: RecursionError 'in exceptiongroup_split_recursive' as CPython's recursive split raises, wide groups fine
def nest(n):
    eg = ValueError("leaf")
    for i in range(n):
        eg = ExceptionGroup("g", [eg])
    return eg
g = nest(5000)
try:
    m, r = g.split(ValueError)
    print(type(m).__name__, r)
except RecursionError as e:
    print("RecursionError", e)
wide = ExceptionGroup("w", [ValueError(i) for i in range(100000)])
print(len(wide.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] % 2).exceptions))
