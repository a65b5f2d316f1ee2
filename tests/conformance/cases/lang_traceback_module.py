# the traceback module: print_exc, format_exc, print_exception, chained causes
import traceback
def f():
    raise ValueError('x')
try:
    f()
except ValueError:
    traceback.print_exc()
    print(repr(traceback.format_exc()))
try:
    f()
except ValueError as e:
    traceback.print_exception(e)
traceback.print_exc()
print(repr(traceback.format_exc()))
try:
    try:
        f()
    except ValueError as e:
        raise KeyError("k") from e
except KeyError:
    traceback.print_exc()
print("done")
