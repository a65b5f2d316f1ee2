"""What CPython writes in C and Loopscope in Python: helpers of the builtins,
run as library code (hidden from tracebacks)."""


async def anext_default(awaitable, default):
    """`await anext(it, default)`."""
    try:
        return await awaitable
    except StopAsyncIteration:
        return default


async def _wrap_awaitable(awaitable):
    """asyncio.ensure_future's wrapper of an awaitable that is neither a
    future nor a coroutine."""
    return await awaitable


def _alias_item(item):
    """How a generic alias shows one of its arguments (`ga_repr_item`)."""
    if item is ...:
        return "..."
    if hasattr(item, "__origin__") and hasattr(item, "__args__"):
        return repr(item)
    try:
        qualname = item.__qualname__
        module = item.__module__
    except AttributeError:
        return repr(item)
    if module == "builtins":
        return qualname
    return f"{module}.{qualname}"


@c_type
class GenericAlias:
    """`list[int]`: a class subscripted with the types of what it holds
    (CPython's types.GenericAlias). Library classes that stand for C types
    take it as `__class_getitem__ = classmethod(GenericAlias)`."""

    __module__ = "types"

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = ()

    def __repr__(self):
        if not self.__args__:
            return f"{_alias_item(self.__origin__)}[()]"
        shown = ", ".join(_alias_item(a) for a in self.__args__)
        return f"{_alias_item(self.__origin__)}[{shown}]"

    def __call__(self, *args, **kwargs):
        made = self.__origin__(*args, **kwargs)
        try:
            made.__orig_class__ = self
        except Exception:
            pass
        return made

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)

    def __getattr__(self, name):
        return getattr(self.__origin__, name)
