# Loopscope's weakref: ref from _weakref, the weak containers built on it,
# and finalize. As in CPython, each entry's weak reference has a callback
# that drops the entry when its referent dies, so a container never holds
# dead entries and each operation costs what CPython's does.
# WeakKeyDictionary and WeakSet key their entries by the referent's
# identity. finalize is CPython 3.11.7's Lib/weakref.py class (PSF license),
# its errors at exit printed by the traceback module (sys.excepthook's output).

from _weakref import ref
import collections.abc as _collections_abc
import itertools as _itertools

ReferenceType = ref

__all__ = ["ref", "ReferenceType", "WeakKeyDictionary", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


def __getattr__(name):
    # WeakMethod is made on first use: defining it at import would change
    # the allocations (and so the cycle collector's timing) of every program
    # importing weakref.
    if name == "WeakMethod":
        global WeakMethod
        WeakMethod = _make_weak_method()
        return WeakMethod
    raise AttributeError(f"module 'weakref' has no attribute '{name}'")


def _make_weak_method():
    class WeakMethod:
        # A weak reference to a bound method: alive while both the object and
        # the function are (CPython's is a subclass of ref; _weakref.ref cannot
        # be subclassed here, so this one holds two refs).
        __qualname__ = "WeakMethod"
        __slots__ = ("_self_ref", "_func_ref", "_meth_type", "_callback", "__weakref__")

        def __init__(self, meth, callback=None):
            try:
                obj = meth.__self__
                func = meth.__func__
            except AttributeError:
                raise TypeError("argument should be a bound method, not {}"
                                .format(type(meth))) from None
            self._callback = callback
            self._self_ref = ref(obj, self._died)
            self._func_ref = ref(func, self._died)
            self._meth_type = type(meth)

        def _died(self, _):
            callback, self._callback = self._callback, None
            if callback is not None:
                callback(self)

        def __call__(self):
            obj = self._self_ref()
            func = self._func_ref()
            if obj is None or func is None:
                return None
            return func.__get__(obj, type(obj))

        def __eq__(self, other):
            if isinstance(other, WeakMethod):
                if self() is None or other() is None:
                    return self is other
                return self._self_ref == other._self_ref and self._func_ref == other._func_ref
            return NotImplemented

        def __ne__(self, other):
            if isinstance(other, WeakMethod):
                if self() is None or other() is None:
                    return self is not other
                return self._self_ref != other._self_ref or self._func_ref != other._func_ref
            return NotImplemented

        def __hash__(self):
            return hash((self._self_ref, self._func_ref))
    return WeakMethod


def _entry_remover(container, key):
    # The callback of the weak reference stored under `key`: when its
    # referent dies, the entry goes, unless it was replaced meanwhile. The
    # container is held weakly, as CPython's containers hold themselves.
    container = ref(container)

    def remove(wr):
        self = container()
        if self is not None and self._reference(key) is wr:
            del self.data[key]

    return remove


class WeakValueDictionary(_collections_abc.MutableMapping):

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _reference(self, key):
        return self.data.get(key)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value, _entry_remover(self, key))

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter([k for k, r in list(self.data.items()) if r() is not None])

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        new = WeakValueDictionary()
        for key, r in list(self.data.items()):
            o = r()
            if o is not None:
                new[key] = o
        return new

    def itervaluerefs(self):
        return iter(list(self.data.values()))

    def valuerefs(self):
        return list(self.data.values())


class WeakKeyDictionary(_collections_abc.MutableMapping):

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _reference(self, key):
        entry = self.data.get(key)
        return entry and entry[0]

    def _entry(self, key):
        # The entry of `key` itself, not of a dead object that had its id.
        entry = self.data.get(id(key))
        if entry is not None and entry[0]() is key:
            return entry
        return None

    def __getitem__(self, key):
        entry = self._entry(key)
        if entry is None:
            raise KeyError(key)
        return entry[1]

    def __setitem__(self, key, value):
        entry = self._entry(key)
        if entry is not None:
            self.data[id(key)] = (entry[0], value)
        else:
            self.data[id(key)] = (ref(key, _entry_remover(self, id(key))), value)

    def __delitem__(self, key):
        try:
            del self.data[id(key)]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        live = [r() for r, v in list(self.data.values())]
        return iter([k for k in live if k is not None])

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        return self._entry(key) is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keyrefs(self):
        return [r for r, v in self.data.values()]


class WeakSet(_collections_abc.MutableSet):

    def __init__(self, data=None):
        self.data = {}
        if data is not None:
            self.update(data)

    def _reference(self, key):
        return self.data.get(key)

    def __iter__(self):
        live = [r() for r in list(self.data.values())]
        return iter([item for item in live if item is not None])

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        r = self.data.get(id(item))
        return r is not None and r() is item

    def add(self, item):
        if item not in self:
            self.data[id(item)] = ref(item, _entry_remover(self, id(item)))

    def discard(self, item):
        self.data.pop(id(item), None)

    def remove(self, item):
        if item not in self:
            raise KeyError(item)
        del self.data[id(item)]

    def update(self, other):
        for item in other:
            self.add(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakSet(self)

    def __repr__(self):
        return repr(set(self))

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)


class finalize:
    """Class for finalization of weakrefable objects

    finalize(obj, func, *args, **kwargs) returns a callable finalizer
    object which will be called when obj is garbage collected. The
    first time the finalizer is called it evaluates func(*arg, **kwargs)
    and returns the result. After this the finalizer is dead, and
    calling it just returns None.

    When the program exits any remaining finalizers for which the
    atexit attribute is true will be run in reverse order of creation.
    By default atexit is true.
    """

    # Finalizer objects don't have any state of their own.  They are
    # just used as keys to lookup _Info objects in the registry.  This
    # ensures that they cannot be part of a ref-cycle.

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _index_iter = _itertools.count()
    _dirty = False
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not self._registered_with_atexit:
            import atexit
            atexit.register(self._exitfunc)
            finalize._registered_with_atexit = True
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = next(self._index_iter)
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        """If alive then mark as dead and return func(*args, **kwargs);
        otherwise return None"""
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """If alive then mark as dead and return (obj, func, args, kwargs);
        otherwise return None"""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """If alive then return (obj, func, args, kwargs);
        otherwise return None"""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether finalizer is alive"""
        return self in self._registry

    @property
    def atexit(self):
        """Whether finalizer should be called at exit"""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        else:
            return '<%s object at %#x; for %r at %#x>' % \
                (type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        # Return live finalizers marked for exit, oldest first
        L = [(f,i) for (f,i) in cls._registry.items() if i.atexit]
        L.sort(key=lambda item:item[1].index)
        return [f for (f,i) in L]

    @classmethod
    def _exitfunc(cls):
        # At shutdown invoke finalizers for which atexit is true.
        reenable_gc = False
        try:
            if cls._registry:
                import gc
                if gc.isenabled():
                    reenable_gc = True
                    gc.disable()
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception as e:
                        import traceback
                        traceback.print_exception(e)
                    assert f not in cls._registry
        finally:
            # prevent any more finalizers from executing during shutdown
            finalize._shutdown = True
            if reenable_gc:
                gc.enable()
