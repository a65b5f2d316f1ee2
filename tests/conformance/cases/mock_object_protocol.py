# what unittest.mock leans on: type() takes __module__ from its caller, a class's own __class__ property (isinstance asks it), tuple.__getattribute__ on a subclass, special methods that are descriptors or plain callables on the class, importlib.import_module, pkgutil.resolve_name, asyncio.iscoroutinefunction's _is_coroutine mark
import asyncio
import asyncio.coroutines
import importlib
import inspect
import pkgutil

Made = type("Made", (), {"x": 1})
print(Made, Made.__module__, "__module__" in Made.__dict__)


class Pretender:
    @property
    def __class__(self):
        return int


p = Pretender()
print(p.__class__, type(p).__name__, isinstance(p, int), isinstance(p, Pretender), isinstance(p, str))


class Named(tuple):
    def __getattribute__(self, name):
        if name in tuple.__dict__:
            raise AttributeError(name)
        return tuple.__getattribute__(self, name)


n = Named((1, 2))
n.label = "pair"
print(n.label, len(n), n[1])
try:
    n.count(1)
except AttributeError as e:
    print("AttributeError", e)


class Doubler:
    def __get__(self, obj, owner):
        return lambda *args: ("bound to", type(obj).__name__, args)


class Plain:
    def __call__(self, *args):
        return ("plain call", args)


class Box:
    __len__ = None
    __getitem__ = Doubler()
    __contains__ = Plain()

    def __init__(self):
        pass


del Box.__len__
Box.__len__ = Plain()
b = Box()
print(b[5])
print(3 in b)
try:
    len(b)
except TypeError as e:
    print("TypeError", e)

print(importlib.import_module("json").dumps([1]))
print(importlib.import_module(".decoder", "json").__name__)
for bad in [(".x",), ("..x", "json")]:
    try:
        importlib.import_module(*bad)
    except (TypeError, ImportError) as e:
        print(type(e).__name__, e)
try:
    importlib.import_module("nosuchmodule")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
print(pkgutil.resolve_name("os.path.join")("a", "b"))
print(pkgutil.resolve_name("json.decoder:JSONDecoder.decode").__qualname__)
print(pkgutil.resolve_name("json:"))
for bad in ["1x", "json.nope"]:
    try:
        pkgutil.resolve_name(bad)
    except (ValueError, AttributeError) as e:
        print(type(e).__name__, e)


def plain():
    pass


async def native():
    pass


plain._is_coroutine = asyncio.coroutines._is_coroutine
print(asyncio.iscoroutinefunction(plain), asyncio.iscoroutinefunction(native), asyncio.iscoroutinefunction(len))
print(inspect.CO_COROUTINE, inspect.CO_ITERABLE_COROUTINE, inspect.CO_GENERATOR)
