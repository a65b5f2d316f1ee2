# traceback's module API: format_tb/print_tb with limits, format_exception's 3.11 forms, format_exception_only, TracebackException, extract_stack/format_stack, format_list, carets, chains, groups
import asyncio
import sys
import traceback


def inner(d):
    return d["k"] + 1


def outer():
    x = {"k": "a"}
    return inner(x)


def recurse(n):
    if n == 0:
        raise RecursionError("deep")
    return recurse(n - 1)


def where():
    stack = traceback.extract_stack()
    print([(fs.name, fs.lineno, fs.line) for fs in stack[-2:]])
    print(traceback.format_stack(limit=2))
    traceback.print_stack(limit=1)
    traceback.print_stack()


try:
    outer()
except TypeError as e:
    tb = e.__traceback__
    print(traceback.format_tb(tb))
    print(traceback.format_tb(tb, limit=1))
    print(traceback.format_tb(tb, limit=-1))
    traceback.print_tb(tb)
    traceback.print_tb(tb, limit=2, file=sys.stdout)
    print(traceback.format_exception(e))
    print(traceback.format_exception(type(e), e, tb))
    print(traceback.format_exception(type(e), value=e, tb=None))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), te.__cause__, te.__context__, te.exceptions)
    print("".join(te.format()), end="")
    print(list(te.format_exception_only()))
    print(te.stack)
    print([(f.name, f.lineno, f.end_lineno, f.line, f.colno, f.end_colno) for f in te.stack])
    summary = traceback.extract_tb(tb)
    print(traceback.format_list(summary))
    traceback.print_list(summary)
    print(traceback.format_list([("x.py", 3, "f", "pass"), summary[0]]))
    te.print()
    traceback.print_exception(e, limit=1)

where()
print(repr(traceback.format_exc()))
traceback.print_exc()

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("bad")
except ValueError as e:
    print("".join(traceback.format_exception(e)), end="")
    print("".join(traceback.format_exception(e, chain=False)), end="")
    print("".join(traceback.format_exception(e, limit=0)), end="")
    traceback.print_exc(chain=False)
    print(traceback.format_exc(limit=-1))

try:
    try:
        raise OSError("y")
    except OSError as cause:
        raise KeyError("x") from cause
except KeyError as e:
    traceback.print_exc()
    print(traceback.TracebackException.from_exception(e).__cause__.exc_type)

try:
    recurse(30)
except RecursionError:
    traceback.print_exc()

try:
    raise ExceptionGroup("many", [ValueError(1), TypeError("t")])
except ExceptionGroup as g:
    g.add_note("a note")
    traceback.print_exc()
    print(traceback.format_exception_only(g))

print(traceback.format_exception_only(None))
print(traceback.format_exception(None))
try:
    traceback.format_exception(3)
except TypeError as e:
    print(e)
try:
    traceback.format_exception(ValueError, ValueError())
except ValueError as e:
    print(e)


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.1)
    except asyncio.TimeoutError:
        traceback.print_exc()
        print(traceback.format_exception_only(sys.exc_info()[1]))


asyncio.run(main())
