# an `except ... as name` name is deleted however the handler ends: normally,
# by return, break or continue, or by raising (CPython's implicit finally)
def raises():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("from the handler")
    except ValueError as v:
        print("caught", v, type(v.__context__).__name__)
    try:
        print(e)
    except NameError as x:
        print(type(x).__name__, x)


def returns():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return "returned"


def loops():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as k:
            if i == 0:
                continue
            if i == 1:
                break
    try:
        print(k)
    except NameError as x:
        print(type(x).__name__, x)
    return i


def nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            try:
                raise TypeError("deeper")
            except TypeError as t:
                raise RuntimeError("out") from t
    except RuntimeError as r:
        print(repr(r), repr(r.__cause__), repr(r.__context__))


raises()
print(returns())
print(loops())
nested()
try:
    try:
        {}["missing"]
    except KeyError as top:
        raise LookupError("again")
except LookupError:
    pass
print("top" in globals())
try:
    raise ValueError("x")
except ValueError as e:
    del e
print("deleted in handler ok")


def uncaught():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("last")


uncaught()
