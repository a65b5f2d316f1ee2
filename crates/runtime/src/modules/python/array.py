# Loopscope's array: CPython 3.11's C module arraymodule.c written in Python
# over a list of the items, each checked and converted as the C type of its
# typecode converts it (the same OverflowError and TypeError messages), and
# laid out in bytes by struct as on x86-64 Linux ('l' and 'L' 8 bytes, 'u' a
# 4-byte wchar_t). Not there: buffer_info()'s address is a made-up one, and
# the buffer protocol (memoryview(array), array as a bytes-like object).

import struct as _struct
from _loopscope import c_type as _c_type

__all__ = ['ArrayType', 'array', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_STRUCT = {'u': 'I'}

_INT_MIN = -2**31
_INT_MAX = 2**31 - 1
_LONG_MIN = -2**63
_LONG_MAX = 2**63 - 1


def _index(v):
    if isinstance(v, int):
        return int(v)
    if hasattr(type(v), '__index__'):
        return type(v).__index__(v)
    raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def _c_long(v):
    if not _LONG_MIN <= v <= _LONG_MAX:
        raise OverflowError("Python int too large to convert to C long")
    return v


def _in_range(v, low, high, name):
    if v < low:
        raise OverflowError(f"{name} is less than minimum")
    if v > high:
        raise OverflowError(f"{name} is greater than maximum")
    return v


def _as_short(v):
    return _in_range(_c_long(_index(v)), -2**15, 2**15 - 1, "signed short integer")


def _as_int(v):
    return _in_range(_c_long(_index(v)), _INT_MIN, _INT_MAX, "signed integer")


def _as_unsigned_long(v, name):
    v = _index(v)
    if v < 0:
        raise OverflowError(f"can't convert negative value to {name}")
    if v >= 2**64:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return v


def _convert_b(v):
    return _in_range(_as_short(v), -128, 127, "signed char")


def _convert_B(v):
    return _in_range(_c_long(_index(v)), 0, 255, "unsigned byte integer")


def _convert_u(v):
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError("array item must be unicode character")
    return v


def _convert_h(v):
    return _as_short(v)


def _convert_H(v):
    return _in_range(_as_int(v), 0, 2**16 - 1, "unsigned short")


def _convert_i(v):
    return _as_int(v)


def _convert_I(v):
    v = _as_unsigned_long(v, "unsigned int")
    if v > 2**32 - 1:
        raise OverflowError("unsigned int is greater than maximum")
    return v


def _convert_l(v):
    return _c_long(_index(v))


def _convert_L(v):
    return _as_unsigned_long(v, "unsigned int")


def _convert_q(v):
    v = _index(v)
    if not _LONG_MIN <= v <= _LONG_MAX:
        raise OverflowError("int too big to convert")
    return v


def _convert_Q(v):
    v = _index(v)
    if v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if v >= 2**64:
        raise OverflowError("int too big to convert")
    return v


def _real(v):
    if isinstance(v, float):
        return v
    if isinstance(v, int) or hasattr(type(v), '__float__') or hasattr(type(v), '__index__'):
        return float(v)
    raise TypeError(f"must be real number, not {type(v).__name__}")


def _convert_f(v):
    return _struct.unpack('f', _struct.pack('f', _real(v)))[0]


def _convert_d(v):
    return _real(v)


_CONVERT = {'b': _convert_b, 'B': _convert_B, 'u': _convert_u, 'h': _convert_h,
            'H': _convert_H, 'i': _convert_i, 'I': _convert_I, 'l': _convert_l,
            'L': _convert_L, 'q': _convert_q, 'Q': _convert_Q, 'f': _convert_f,
            'd': _convert_d}


def _check_typecode(typecode):
    if not isinstance(typecode, str) or len(typecode) != 1:
        raise TypeError("array() argument 1 must be a unicode character, not "
                        f"{type(typecode).__name__}")
    if typecode not in _CONVERT:
        raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")


def _pack(typecode, items):
    if typecode == 'u':
        items = [ord(c) for c in items]
    return _struct.pack(f"{len(items)}{_STRUCT.get(typecode, typecode)}", *items)


def _unpack(typecode, data):
    size = _SIZES[typecode]
    if len(data) % size:
        raise ValueError("bytes length not a multiple of item size")
    items = list(_struct.unpack(f"{len(data) // size}{_STRUCT.get(typecode, typecode)}", data))
    if typecode == 'u':
        items = [chr(c) for c in items]
    return items


@_c_type
class array:
    __slots__ = ('_typecode', '_items', '__weakref__')

    def __new__(cls, typecode, initializer=None, /):
        _check_typecode(typecode)
        self = object.__new__(cls)
        self._typecode = typecode
        self._items = []
        if initializer is None:
            return self
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode "
                                f"'{typecode}'")
            self._items = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self._items = _unpack(typecode, bytes(initializer))
        elif isinstance(initializer, array):
            if initializer._typecode == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with "
                                f"typecode '{typecode}'")
            convert = _CONVERT[typecode]
            self._items = [convert(v) for v in initializer._items]
        else:
            convert = _CONVERT[typecode]
            self._items = [convert(v) for v in initializer]
        return self

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    def _same(self, other, message):
        if not isinstance(other, array) or other._typecode != self._typecode:
            raise TypeError(message)

    def _position(self, key, message):
        try:
            key = _index(key)
        except TypeError:
            raise TypeError("array indices must be integers") from None
        if not -len(self._items) <= key < len(self._items):
            raise IndexError(message)
        return key

    def _new(self, items):
        made = array(self._typecode)
        made._items = items
        return made

    def append(self, v, /):
        self._items.append(_CONVERT[self._typecode](v))

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            self._same(iterable, "can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        convert = _CONVERT[self._typecode]
        for v in iterable:
            self._items.append(convert(v))

    def insert(self, i, v, /):
        self._items.insert(_index(i), _CONVERT[self._typecode](v))

    def pop(self, i=-1, /):
        if not self._items:
            raise IndexError("pop from empty array")
        i = _index(i)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("pop index out of range")
        return self._items.pop(i)

    def remove(self, v, /):
        for i, item in enumerate(self._items):
            if item == v:
                del self._items[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=None, /):
        n = len(self._items)
        start = _index(start)
        stop = n if stop is None else _index(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if self._items[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, v, /):
        return sum(1 for item in self._items if item == v)

    def reverse(self):
        self._items.reverse()

    def byteswap(self):
        size = _SIZES[self._typecode]
        if size == 1:
            return
        data = _pack(self._typecode, self._items)
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = _unpack(self._typecode, swapped)

    def buffer_info(self):
        return (id(self._items), len(self._items))

    def tobytes(self):
        return _pack(self._typecode, self._items)

    def frombytes(self, data, /):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
        self._items.extend(_unpack(self._typecode, bytes(data)))

    def tolist(self):
        return list(self._items)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        convert = _CONVERT[self._typecode]
        self._items.extend([convert(v) for v in items])

    def tounicode(self):
        if self._typecode != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def fromunicode(self, text, /):
        if self._typecode != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        if not isinstance(text, str):
            raise TypeError(f"fromunicode() argument must be str, not {type(text).__name__}")
        self._items.extend(text)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._new(self._items[key])
        key = self._position(key, "array index out of range")
        return self._items[key]

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            if not isinstance(value, array):
                raise TypeError("can only assign array (not "
                                f"\"{type(value).__name__}\") to array slice")
            self._same(value, "bad argument type for built-in operation")
            self._items[key] = value._items
            return
        key = self._position(key, "array assignment index out of range")
        self._items[key] = _CONVERT[self._typecode](value)

    def __delitem__(self, key):
        if isinstance(key, slice):
            del self._items[key]
            return
        key = self._position(key, "array assignment index out of range")
        del self._items[key]

    def __add__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        self._same(other, "bad argument type for built-in operation")
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only extend array with array (not "
                            f"\"{type(other).__name__}\")")
        self._same(other, "bad argument type for built-in operation")
        self._items += other._items
        return self

    def _times(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        return _index(n)

    def __mul__(self, n):
        return self._new(self._items * self._times(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= self._times(n)
        return self

    def _compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        return op(self._items, other._items)

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

    __hash__ = None

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo, /):
        return self.__copy__()

    def __repr__(self):
        name = type(self).__name__
        if not self._items:
            return f"{name}('{self._typecode}')"
        if self._typecode == 'u':
            return f"{name}('u', {''.join(self._items)!r})"
        return f"{name}('{self._typecode}', {self._items!r})"


ArrayType = array
