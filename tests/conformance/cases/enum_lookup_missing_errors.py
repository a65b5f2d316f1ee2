# enum lookups: no members, _missing_ raising, returning junk, recursing
import enum
class Empty(enum.Enum):
    @classmethod
    def _missing_(cls, v):
        return cls(v)
try:
    Empty(1)
except TypeError as e:
    print("TypeError", e)
class C(enum.Enum):
    A = 1
    @classmethod
    def _missing_(cls, v):
        if v == 2:
            raise KeyError("two")
        if v == 3:
            return "junk"
        if v == 4:
            raise ValueError("four")
        return None
for v in [1, 2, 3, 4, 5, [1]]:
    try:
        print(C(v))
    except Exception as e:
        print(type(e).__name__, e, repr(e.__context__))
