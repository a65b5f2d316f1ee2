# __builtins__ in the program's module is the builtins module, as under python3 PROGRAM
import builtins

print(__builtins__ is builtins, type(__builtins__).__name__, __builtins__.__name__)
print(__builtins__.len("abc"), "__builtins__" in globals(), "__builtins__" in dir())
print(sorted(k for k in globals() if k.startswith("__"))[:3])


def f():
    return __builtins__.max(3, 7)


print(f())
print(eval("__builtins__ is builtins"), eval("len('xy')", {}), eval("1", {"__builtins__": {}}))
