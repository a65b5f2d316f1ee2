# ImportError/ModuleNotFoundError carry .name, .path and .msg as CPython sets them (import, from-import, the constructor's keywords); "'os' is not a package"; SyntaxError's location fields, str and traceback.format_exception_only
import traceback

try:
    import nosuch
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path, e.msg, e.args)
try:
    import os.foo
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    import asyncio.nosuch
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    import json.nosuch
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from os import nosuch
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    from math import nosuch
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
e = ImportError("m", name="n", path="p")
print(e, e.name, e.path, e.msg, e.args, repr(e))
e = ImportError("a", "b")
print(e, e.name, e.msg)
e = ModuleNotFoundError()
print(repr(e), e.name, e.msg)
e.name = "z"
print(e.name)
try:
    ImportError("m", bad=1)
except TypeError as t:
    print(t)
try:
    ModuleNotFoundError("m", name="x", other=2)
except TypeError as t:
    print(t)


class PluginMissing(ImportError):
    pass


p = PluginMissing("no plugin", name="plug")
print(p, p.name, p.path, p.msg)


class DriverMissing(ImportError):
    def __init__(self, driver):
        super().__init__(f"driver {driver} missing", name=driver)


d = DriverMissing("pg")
print(d, d.name, d.path, d.msg, repr(d))

err = SyntaxError("invalid syntax", ("/src/prog.py", 2, 5, "  x = = 1\n", 2, 8))
print(err, err.msg, err.filename, err.lineno, err.offset, repr(err.text), err.end_lineno, err.end_offset)
print("".join(traceback.format_exception_only(err)), end="")
short = SyntaxError("bad", ("f.py", 3, 1, "pass"))
print(short, short.end_lineno, short.end_offset)
print(SyntaxError("plain"), SyntaxError("plain").filename, SyntaxError().msg)
print(SyntaxError("x", (None, 4, None, None)), SyntaxError("x", ("a/b.py", None, None, None)))
import os.nothing_here
