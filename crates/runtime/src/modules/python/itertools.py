# The Python half of Loopscope's itertools module (the rest is
# modules/itertools.rs, which runs this in the module's namespace): the
# combinatoric and filtering iterators, each a class named as CPython's
# C type so its repr reads <itertools.groupby object at 0x...>. Their
# laziness, argument checks and messages follow 3.11's itertoolsmodule.c.

_NOTHING = object()


def _same(a, b):
    # PyObject_RichCompareBool: identity first, then ==.
    return a is b or a == b


class _Iterator:
    # Every iterator here is its own iterator.
    def __iter__(self):
        return self


class _Predicated(_Iterator):
    # An iterator over `iterable` that consults `function` for each item.
    def __init__(self, function, iterable, /):
        self._function = function
        self._it = iter(iterable)


def _count_arg(name, value):
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    if value < 0:
        raise ValueError(name)
    return value


class accumulate(_Iterator):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = _NOTHING
        self._initial = initial

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        value = next(self._it)
        if self._total is _NOTHING:
            self._total = value
        elif self._func is None:
            self._total = self._total + value
        else:
            self._total = self._func(self._total, value)
        return self._total


class groupby(_Iterator):
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = _NOTHING
        self._currkey = _NOTHING
        self._currvalue = _NOTHING
        self._currgrouper = None

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _NOTHING:
                pass
            elif self._tgtkey is _NOTHING:
                break
            elif not _same(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper(_Iterator):
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __next__(self):
        parent = self._parent
        if parent._currgrouper is not self:
            raise StopIteration
        if parent._currvalue is _NOTHING:
            parent._step()
        if not _same(self._tgtkey, parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _NOTHING
        return value


class starmap(_Predicated):
    def __next__(self):
        return self._function(*tuple(next(self._it)))


class takewhile(_Predicated):
    _stopped = False

    def __next__(self):
        if self._stopped:
            raise StopIteration
        value = next(self._it)
        if self._function(value):
            return value
        self._stopped = True
        raise StopIteration


class dropwhile(_Predicated):
    _started = False

    def __next__(self):
        while True:
            value = next(self._it)
            if self._started or not self._function(value):
                self._started = True
                return value


class filterfalse(_Predicated):
    def __next__(self):
        while True:
            value = next(self._it)
            ok = value if self._function is None else self._function(value)
            if not ok:
                return value


class compress(_Iterator):
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        while True:
            value = next(self._data)
            if next(self._selectors):
                return value


class pairwise(_Iterator):
    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._old = _NOTHING

    def __next__(self):
        if self._it is None:
            raise StopIteration
        if self._old is _NOTHING:
            try:
                self._old = next(self._it)
            except StopIteration:
                self._it = None
                raise
        try:
            new = next(self._it)
        except StopIteration:
            self._it = None
            self._old = _NOTHING
            raise
        pair = (self._old, new)
        self._old = new
        return pair


class zip_longest(_Iterator):
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fillvalue = fillvalue

    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        items = []
        for i, it in enumerate(self._its):
            if it is None:
                items.append(self._fillvalue)
                continue
            try:
                items.append(next(it))
            except StopIteration:
                self._active -= 1
                if self._active == 0:
                    raise
                self._its[i] = None
                items.append(self._fillvalue)
        return tuple(items)


class product(_Iterator):
    def __init__(self, *iterables, repeat=1):
        repeat = _count_arg("repeat argument cannot be negative", repeat)
        pools = [tuple(pool) for pool in iterables] * repeat
        self._pools = pools
        self._indices = None
        self._done = any(len(pool) == 0 for pool in pools)

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        if self._indices is None:
            self._indices = [0] * len(pools)
            return tuple(pool[0] for pool in pools)
        indices = self._indices
        for i in reversed(range(len(pools))):
            indices[i] += 1
            if indices[i] < len(pools[i]):
                return tuple(pool[j] for pool, j in zip(pools, indices))
            indices[i] = 0
        self._done = True
        raise StopIteration


class permutations(_Iterator):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else _count_arg("r must be non-negative", r)
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices, cycles = self._pool, self._r, self._indices, self._cycles
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices[:r])
        n = len(pool)
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[k] for k in indices[:r])
        self._done = True
        raise StopIteration


class combinations(_Iterator):
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _count_arg("r must be non-negative", r)
        self._pool = pool
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._done = r > len(pool)

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        n = len(pool)
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[k] for k in indices)


class combinations_with_replacement(_Iterator):
    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _count_arg("r must be non-negative", r)
        self._pool = pool
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._done = not pool and r > 0

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        n = len(pool)
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[k] for k in indices)


class _tee_buffer:
    # The values one source produced that some tee has not read yet.
    def __init__(self, it):
        self.it = it
        self.values = []
        self.first = 0

    def get(self, index):
        while index >= self.first + len(self.values):
            self.values.append(next(self.it))
        return self.values[index - self.first]


class _tee(_Iterator):
    def __init__(self, buffer, index=0):
        self._buffer = buffer
        self._index = index

    def __next__(self):
        value = self._buffer.get(self._index)
        self._index += 1
        return value

    def __copy__(self):
        return _tee(self._buffer, self._index)


def tee(iterable, n=2, /):
    n = _count_arg("n must be >= 0", n)
    it = iter(iterable)
    if n == 0:
        return ()
    # An iterator that can copy itself (another tee) is the first result itself.
    copy = getattr(it, "__copy__", None)
    if copy is None:
        it = _tee(_tee_buffer(it))
        copy = it.__copy__
    return (it,) + tuple(copy() for _ in range(n - 1))

