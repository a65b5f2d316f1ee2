# copy.copy/deepcopy of objects whose __reduce_ex__ returns too few or too many items, a global name, or raises: CPython's copy module unpacks what it got into _reconstruct, so the errors are its argument errors
import copy


class TooShort:
    def __reduce_ex__(self, proto):
        return (TooShort,)


class Raises:
    def __reduce_ex__(self, proto):
        raise TypeError("no reduce")


class GlobalName:
    def __reduce_ex__(self, proto):
        return "GlobalName"


class TooLong:
    def __reduce_ex__(self, proto):
        return (TooLong, (), None, None, None, None, None)


class WithState:
    def __reduce_ex__(self, proto):
        return (WithState, (), {"a": 1}, None, None)


for cls in (TooShort, Raises, GlobalName, TooLong, WithState):
    for fn in (copy.copy, copy.deepcopy):
        try:
            original = cls()
            r = fn(original)
            print(cls.__name__, fn.__name__, r is original, getattr(r, "__dict__", r))
        except Exception as e:
            print(cls.__name__, fn.__name__, type(e).__name__, e)
