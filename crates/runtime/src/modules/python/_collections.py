# Loopscope's _collections, the part of collections CPython writes in C,
# written for Loopscope after CPython 3.11's behaviour: deque (its reprs,
# messages and mutation check), defaultdict and the field descriptors of
# named tuples.

from _loopscope import GenericAlias as _GenericAlias, c_type as _c_type

__all__ = ["deque", "defaultdict", "_tuplegetter"]

_repr_running = set()


def _guarded_repr(obj, build):
    """build(obj) unless obj's repr is already being built (then '...')."""
    key = id(obj)
    if key in _repr_running:
        return '...'
    _repr_running.add(key)
    try:
        return build(obj)
    finally:
        _repr_running.discard(key)


def _index(value):
    if isinstance(value, int):
        return int(value)
    if hasattr(type(value), '__index__'):
        return type(value).__index__(value)
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


class _attribute:
    """A read-only attribute of a C type (CPython's getset descriptor)."""

    __slots__ = ('_name', '_owner', '_getter', '__doc__')

    def __init__(self, name, owner, getter, doc):
        self._name = name
        self._owner = owner
        self._getter = getter
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return self._getter(instance)

    def __set__(self, instance, value):
        raise AttributeError(f"attribute '{self._name}' of '{self._owner}' objects is not writable")

    def __delete__(self, instance):
        self.__set__(instance, None)

    def __repr__(self):
        return f"<attribute '{self._name}' of '{self._owner}' objects>"


################################################################################
### deque
################################################################################

class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    __slots__ = ('_items', '_maxlen', '_state', '__weakref__')

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._items = []
        self._maxlen = None
        self._state = 0
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        if self._items:
            self.clear()
        if iterable is not None:
            self.extend(iterable)


    def _changed(self):
        self._state += 1

    def append(self, x):
        """Add an element to the right side of the deque."""
        items = self._items
        if self._maxlen == 0:
            return
        items.append(x)
        if self._maxlen is not None and len(items) > self._maxlen:
            del items[0]
        self._changed()

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        items = self._items
        if self._maxlen == 0:
            return
        items.insert(0, x)
        if self._maxlen is not None and len(items) > self._maxlen:
            items.pop()
        self._changed()

    def pop(self):
        """Remove and return the rightmost element."""
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._changed()
        return self._items.pop()

    def popleft(self):
        """Remove and return the leftmost element."""
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._changed()
        return self._items.pop(0)

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable"""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        """Remove all elements from the deque."""
        self._items.clear()
        self._changed()

    def copy(self):
        """Return a shallow copy of a deque."""
        if type(self) is deque:
            return deque(self._items, self._maxlen)
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def __reduce__(self):
        state = getattr(self, '__dict__', None) or None
        return type(self), ((), self._maxlen), state, iter(self)

    def count(self, value):
        """D.count(value) -- return number of occurrences of value"""
        state = self._state
        n = 0
        for x in list(self._items):
            if x is value or x == value:
                n += 1
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, value, start=0, stop=None):
        """D.index(value, [start, [stop]]) -- return first index of value.
Raises ValueError if the value is not present."""
        n = len(self._items)
        start = _slice_index(start, n)
        stop = n if stop is None else _slice_index(stop, n)
        state = self._state
        for i in range(start, min(stop, len(self._items))):
            x = self._items[i]
            if x is value or x == value:
                return i
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError(f"{value!r} is not in deque")

    def insert(self, index, value):
        """D.insert(index, object) -- insert object before index"""
        index = _index(index)
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(index, value)
        self._changed()

    def remove(self, value):
        """D.remove(value) -- remove first occurrence of value."""
        for i, x in enumerate(self._items):
            if x is value or x == value:
                del self._items[i]
                self._changed()
                return
        raise ValueError(f"{value!r} is not in deque")

    def reverse(self):
        """D.reverse() -- reverse *IN PLACE*"""
        self._items.reverse()
        self._changed()

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."""
        n = _index(n)
        items = self._items
        if len(items) > 1:
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]
        self._changed()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return _deque_iterator(self, self._items)

    def __reversed__(self):
        return _deque_iterator(self, self._items[::-1])

    def _position(self, index):
        if not isinstance(index, int) and not hasattr(type(index), '__index__'):
            raise TypeError(f"sequence index must be integer, not '{type(index).__name__}'")
        index = _index(index)
        n = len(self._items)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("deque index out of range")
        return index

    def __getitem__(self, index):
        return self._items[self._position(index)]

    def __setitem__(self, index, value):
        self._items[self._position(index)] = value

    def __delitem__(self, index):
        del self._items[self._position(index)]
        self._changed()

    def __contains__(self, value):
        state = self._state
        for x in list(self._items):
            if x is value or x == value:
                return True
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def __repr__(self):
        def build(d):
            name = type(d).__name__
            if d._maxlen is None:
                return f"{name}({list(d._items)!r})"
            return f"{name}({list(d._items)!r}, maxlen={d._maxlen})"
        if id(self) in _repr_running:
            return '[...]'
        return _guarded_repr(self, build)

    __hash__ = None

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(list(self._items), list(other._items))

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        result = self.copy()
        result *= n
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        items = list(self._items)
        self._items.clear()
        for _ in range(max(_index(n), 0)):
            for x in items:
                self.append(x)
        if not self._items:
            self._changed()
        return self

    __class_getitem__ = classmethod(_GenericAlias)


def _slice_index(value, n):
    if not isinstance(value, int) and not hasattr(type(value), '__index__'):
        raise TypeError("slice indices must be integers or have an __index__ method")
    value = _index(value)
    if value < 0:
        value = max(value + n, 0)
    return value


def _deque_iterator(owner, items):
    state = owner._state
    n = len(owner._items)
    for x in list(items):
        if state != owner._state or n != len(owner._items):
            raise RuntimeError("deque mutated during iteration")
        yield x
    if state != owner._state or n != len(owner._items):
        raise RuntimeError("deque mutated during iteration")



deque.__module__ = 'collections'
_c_type(deque)
deque.maxlen = _attribute('maxlen', 'collections.deque', lambda d: d._maxlen,
                          "maximum size of a deque or None if unbounded")


################################################################################
### defaultdict
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory"""

    # CPython's C type has this one member and no __dict__ or weak references.
    __slots__ = ('default_factory',)

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            factory_repr = 'None'
        elif id(factory) in _repr_running or factory is self:
            factory_repr = '...'
        else:
            factory_repr = _guarded_repr(factory, repr)
        items = _guarded_repr(self, lambda d: repr(dict(d)))
        return f"{type(self).__name__}({factory_repr}, {items})"

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self



defaultdict.__module__ = 'collections'
_c_type(defaultdict)


class _tuplegetter:
    """The field properties of a named tuple (CPython's _collections._tuplegetter)."""

    __slots__ = ('_index', '__doc__')

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return tuple.__getitem__(instance, self._index)

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return f"_tuplegetter({self._index}, {self.__doc__!r})"
