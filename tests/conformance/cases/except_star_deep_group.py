# except* over a group nested 2,000 deep: the split raises RecursionError during handling, shown after the group's traceback (max_group_depth 10)
def nest(n):
    eg = ValueError("leaf")
    for i in range(n):
        eg = ExceptionGroup(f"g{i}", [eg, KeyError(i)])
    return eg
try:
    try:
        raise nest(200)
    except* ValueError as e:
        print("caught values", len(e.exceptions))
except* KeyError as k:
    print("keys", type(k).__name__)
try:
    raise nest(2000)
except* ValueError:
    print("deep caught")
except* KeyError:
    print("deep keys")
print("end")
