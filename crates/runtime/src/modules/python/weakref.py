# Loopscope's weakref: ref from _weakref, and the weak containers built on
# it. CPython's containers drop an entry from the referent's callback; here
# (refs have no callbacks) each operation first forgets the entries whose
# referent is gone, which a program observes the same way. WeakKeyDictionary
# and WeakSet key their entries by the referent's identity.

from _weakref import ref
import collections.abc as _collections_abc

ReferenceType = ref

__all__ = ["ref", "ReferenceType", "WeakKeyDictionary", "WeakValueDictionary", "WeakSet"]


class WeakValueDictionary(_collections_abc.MutableMapping):

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _live(self):
        dead = [k for k, r in self.data.items() if r() is None]
        for k in dead:
            del self.data[k]
        return self.data

    def __getitem__(self, key):
        o = self._live()[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        del self._live()[key]

    def __iter__(self):
        return iter(list(self._live()))

    def __len__(self):
        return len(self._live())

    def __contains__(self, key):
        return key in self._live()

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def copy(self):
        new = WeakValueDictionary()
        for key, r in self._live().items():
            new.data[key] = r
        return new

    def itervaluerefs(self):
        return iter(list(self._live().values()))

    def valuerefs(self):
        return list(self._live().values())


class WeakKeyDictionary(_collections_abc.MutableMapping):

    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _live(self):
        dead = [k for k, (r, v) in self.data.items() if r() is None]
        for k in dead:
            del self.data[k]
        return self.data

    def __getitem__(self, key):
        try:
            return self._live()[id(key)][1]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        self._live()[id(key)] = (ref(key), value)

    def __delitem__(self, key):
        try:
            del self._live()[id(key)]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter([r() for r, v in list(self._live().values())])

    def __len__(self):
        return len(self._live())

    def __contains__(self, key):
        return id(key) in self._live()

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keyrefs(self):
        return [r for r, v in self._live().values()]


class WeakSet(_collections_abc.MutableSet):

    def __init__(self, data=None):
        self.data = {}
        if data is not None:
            self.update(data)

    def _live(self):
        dead = [k for k, r in self.data.items() if r() is None]
        for k in dead:
            del self.data[k]
        return self.data

    def __iter__(self):
        return iter([r() for r in list(self._live().values())])

    def __len__(self):
        return len(self._live())

    def __contains__(self, item):
        return id(item) in self._live()

    def add(self, item):
        self._live()[id(item)] = ref(item)

    def discard(self, item):
        self._live().pop(id(item), None)

    def remove(self, item):
        if id(item) not in self._live():
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
