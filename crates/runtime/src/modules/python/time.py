# The Python half of Loopscope's time module (the rest is modules/time.rs,
# which runs this in the module's namespace): struct_time, the named
# 9-tuple gmtime() and localtime() return, with tm_zone and tm_gmtoff
# beside its items.

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst")


def _is_sequence(value):
    try:
        len(value)
    except TypeError:
        return False
    return not isinstance(value, (dict, set, frozenset))


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    __match_args__ = _FIELDS

    def __new__(cls, sequence, dict=None):
        if not _is_sequence(sequence):
            raise TypeError("constructor requires a sequence")
        items = tuple(sequence)
        if len(items) < 9:
            raise TypeError(f"time.struct_time() takes an at least 9-sequence ({len(items)}-sequence given)")
        if len(items) > 11:
            raise TypeError(f"time.struct_time() takes an at most 11-sequence ({len(items)}-sequence given)")
        self = tuple.__new__(cls, items[:9])
        extra = items[9:] + (None, None)
        self._zone = extra[0]
        self._gmtoff = extra[1]
        return self

    def __setattr__(self, name, value):
        if name in _FIELDS or name in ("tm_zone", "tm_gmtoff"):
            raise AttributeError("readonly attribute")
        object.__setattr__(self, name, value)

    @property
    def tm_zone(self):
        return self._zone

    @property
    def tm_gmtoff(self):
        return self._gmtoff

    def __repr__(self):
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(_FIELDS, self))
        return f"time.struct_time({shown})"

    def __reduce__(self):
        return (struct_time, (tuple(self), {"tm_zone": self._zone, "tm_gmtoff": self._gmtoff}))


def _item(index):
    return property(lambda self: self[index])


for _index, _name in enumerate(_FIELDS):
    setattr(struct_time, _name, _item(_index))
del _index, _name, _item


# CPU time. A simulated program computes in no time at all (only sleeps move
# the clock), so its process and thread CPU clocks stay at zero: differences
# print as CPython's do for programs that mostly wait, and absolute readings
# (which vary from run to run in CPython) read 0.
def process_time():
    return 0.0


def process_time_ns():
    return 0


def thread_time():
    return 0.0


def thread_time_ns():
    return 0


# The clocks as CPython on Linux describes them (the virtual clock stands in
# for each of them).
_CLOCKS = {
    'monotonic': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'perf_counter': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'process_time': ('clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', True, False),
    'thread_time': ('clock_gettime(CLOCK_THREAD_CPUTIME_ID)', True, False),
    'time': ('clock_gettime(CLOCK_REALTIME)', False, True),
}


def get_clock_info(name):
    import types
    try:
        implementation, monotonic, adjustable = _CLOCKS[name]
    except (KeyError, TypeError):
        raise ValueError('unknown clock') from None
    return types.SimpleNamespace(implementation=implementation, monotonic=monotonic,
                                 adjustable=adjustable, resolution=1e-09)
