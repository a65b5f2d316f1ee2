# RecursionError's ending follows CPython's counting when __repr__/__str__/__hash__ recurse through repr(), ascii(), an f-string and hash() (not str(), whose count CPython's specializer changes): each level counts the class call's check, the built-in call, the C-level repr/str and the frame, and the check that passes the limit first names the message.
import sys


class Again:
    def __repr__(self):
        return repr(Again())


class Escaped:
    def __repr__(self):
        return ascii(Escaped())


class Formatted:
    def __str__(self):
        return f"{Formatted()}"


class Hashed:
    def __hash__(self):
        return hash(Hashed())


def ending(attempt):
    try:
        attempt()
    except RecursionError as e:
        return str(e)
    return "no error"


attempts = [
    ("repr", lambda: repr(Again())),
    ("ascii", lambda: ascii(Escaped())),
    ("f-string", lambda: f"{Formatted()}"),
    ("hash", lambda: hash(Hashed())),
]

default = sys.getrecursionlimit()
for limit in [100, 101, 102, 103, 104]:
    sys.setrecursionlimit(limit)
    for name, attempt in attempts:
        print(limit, name, "->", ending(attempt))
sys.setrecursionlimit(default)


def deep(n, attempt):
    # Starts the recursion close to the default limit, so it passes the limit
    # within a few dozen levels.
    if n:
        return deep(n - 1, attempt)
    return ending(attempt)


for start in [940, 941, 942]:
    for name, attempt in attempts:
        print("default from", start, name, "->", deep(start, attempt))
