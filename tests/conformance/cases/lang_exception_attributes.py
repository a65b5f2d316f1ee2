# exception objects: args, str/repr, isinstance checks against the builtin hierarchy
errors = [ValueError("bad value"), KeyError("k"), TimeoutError(), ZeroDivisionError("x", 2)]
for error in errors:
    print(type(error).__name__, error.args, str(error), repr(error))
print(issubclass(TimeoutError, OSError), issubclass(KeyError, LookupError), issubclass(StopIteration, Exception))
try:
    raise RuntimeError("boom")
except Exception as caught:
    print("caught", type(caught).__name__, caught)
group = ExceptionGroup("several", [ValueError(1), TypeError(2)])
print(group, group.exceptions, len(group.exceptions))
