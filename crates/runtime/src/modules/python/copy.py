# Loopscope's copy, after CPython 3.11's copy.py: shallow and deep copies of
# the built-in containers, of instances (through __copy__/__deepcopy__, a
# class's own __reduce_ex__/__reduce__, or the default reduction that
# object.__reduce_ex__(4) gives: a bare instance from cls.__new__, its state
# (__dict__ and slots, or __getstate__/__setstate__), and the items of list
# and dict subclasses). A deep copy keeps a memo by id, so shared and
# recursive structures are copied once.

import builtins
import types
import weakref

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_ATOMIC = frozenset([
    type(None), int, float, bool, bytes, str, type, range,
    type(Ellipsis), type(NotImplemented), types.FunctionType,
    types.BuiltinFunctionType, property, weakref.ref, types.CodeType,
    # complex, once the engine has it.
    getattr(builtins, "complex", None),
])
# bytearray, once the engine has it: copied by its copy() method.
_bytearray = getattr(builtins, "bytearray", None)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if cls in (list, dict, set) or cls is _bytearray:
        return x.copy()
    if cls in (tuple, frozenset):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None, *_reduce(x))


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
    elif cls is _bytearray:
        y = x.copy()
    elif cls is types.MethodType:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, *_reduce(x))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple that contains itself was copied while copying its items.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _keep_alive(x, memo):
    # The memo holds the originals too, so their ids stay unique while it
    # lives.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reduce(x):
    """What x.__reduce_ex__(4) returns (a tuple of 2 to 5 items, when well made)."""
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        rv = reductor(4)
    else:
        reductor = getattr(x, "__reduce__", None)
        rv = reductor() if reductor is not None else _default_reduce(x)
    if isinstance(rv, str):
        # A global name: the object is its own copy.
        return (lambda: x, ())
    # Anything else is unpacked into _reconstruct's arguments, whose errors say
    # what is wrong with it (as CPython's copy module does).
    return rv


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _default_reduce(x):
    # object.__reduce_ex__(4), by copyreg's rules.
    cls = type(x)
    if cls.__module__ == "builtins" and cls is not object:
        # Built-in types without a reduction of their own (generators,
        # coroutines, modules, ...).
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    getnewargs = getattr(x, "__getnewargs__", None)
    args = getnewargs() if getnewargs is not None else ()
    state = x.__getstate__()
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, (cls,) + tuple(args), state, listitems, dictitems


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
