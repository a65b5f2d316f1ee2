# try/except/else/finally run in a fixed order; finally runs even on return
def attempt(value):
    try:
        print("try", value)
        result = 10 / value
    except ZeroDivisionError as error:
        print("except", error)
        return "from except"
    else:
        print("else", result)
        return "from else"
    finally:
        print("finally")


print(attempt(2))
print(attempt(0))


def override():
    try:
        return "try"
    finally:
        print("finally before the return value leaves")


print(override())
try:
    try:
        raise KeyError("inner")
    finally:
        print("cleanup while the KeyError propagates")
except (KeyError, ValueError) as error:
    print("outer caught", repr(error))
