# loopscope: args=--count 3 -v input.txt
# sys.argv is the program's file name then the arguments after it on the command line; sys's version and limits
import sys

print(sys.argv, len(sys.argv))
for i, arg in enumerate(sys.argv[1:], 1):
    print(i, repr(arg), arg.startswith("-"))
print(sys.version, sys.hexversion, sys.platform, sys.byteorder, sys.maxsize, sys.maxunicode)
print(sys.version_info[:2] >= (3, 11), sys.version_info[0], tuple(sys.version_info)[:3])
print(sys.getrecursionlimit())
sys.setrecursionlimit(60)
print(sys.getrecursionlimit())


def depth(n):
    return depth(n + 1) if n < 1000 else n


try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
for bad in (0, -5, 2.5, "x"):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    raise KeyError("k")
except KeyError:
    kind, value, _ = sys.exc_info()
    print(kind, repr(value), repr(sys.exception()))
print(sys.exc_info(), sys.exception())
sys.exit(4)
