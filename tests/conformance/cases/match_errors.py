# The match statement's run-time errors: __match_args__ too short, not a tuple, not strings; a repeated attribute; a class pattern whose class is not a type; a duplicate key found at run time; a failing __eq__ and get(); the traceback of an uncaught one points at the pattern.
class Sensor:
    __match_args__ = ("name",)

    def __init__(self, name, value):
        self.name = name
        self.value = value


class ListArgs:
    __match_args__ = ["name"]


class NumberArgs:
    __match_args__ = (1,)


class Keys:
    first = "k"
    second = "k"


class Touchy:
    def __eq__(self, other):
        raise RuntimeError("no comparing me")


class Grudging(dict):
    def get(self, key, default=None):
        raise LookupError(f"will not look up {key!r}")


def attempt(label, subject, check):
    try:
        print(label, "->", check(subject))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def too_many(s):
    match s:
        case Sensor(n, v):
            return n, v


def not_tuple(s):
    match s:
        case ListArgs(n):
            return n


def not_strings(s):
    match s:
        case NumberArgs(n):
            return n


def repeated(s):
    match s:
        case Sensor(n, name=again):
            return n, again


def not_a_type(s):
    match s:
        case Keys.first():
            return "?"


def duplicate_key(s):
    match s:
        case {Keys.first: a, Keys.second: b}:
            return a, b


def builtin_too_many(s):
    match s:
        case int(a, b):
            return a, b


def failing_eq(s):
    match s:
        case Touchy():
            return "touchy matched by class"


def compares_value(s):
    match s:
        case 3:
            return "three"


def failing_get(s):
    match s:
        case {"a": 1}:
            return "a"


def missing_attribute(s):
    match s:
        case Sensor(name="t", unit=u):
            return u
        case Sensor(value=v):
            return f"no unit, value {v}"


attempt("too many", Sensor("t", 1), too_many)
attempt("not a tuple", ListArgs(), not_tuple)
attempt("not strings", NumberArgs(), not_strings)
attempt("repeated", Sensor("t", 1), repeated)
attempt("not a type", 5, not_a_type)
attempt("duplicate key", {"k": 1, "j": 2}, duplicate_key)
attempt("builtin", 5, builtin_too_many)
attempt("class first", Touchy(), failing_eq)
attempt("__eq__ raises", Touchy(), compares_value)
attempt("get raises", Grudging(a=1), failing_get)
attempt("missing attribute", Sensor("t", 7), missing_attribute)
attempt("not even a sensor", "t", too_many)

readings = [Sensor("t", 1)]
for reading in readings:
    match reading:
        case Sensor(name, value):
            print("unreachable", name, value)
