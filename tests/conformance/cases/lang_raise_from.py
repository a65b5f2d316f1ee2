# raise ... from ...: an uncaught chained exception prints both tracebacks (exit 1)
def load(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError as error:
        raise LookupError(f"cannot load {key!r}") from error


print(load("a"))
print(load("b"))
