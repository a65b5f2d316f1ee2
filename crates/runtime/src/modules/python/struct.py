# The Python half of Loopscope's struct (modules/struct_format.rs packs and
# unpacks): struct.error, and Struct, CPython's compiled format (_struct.Struct).

__all__ = [
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack', 'Struct', 'error',
]


class error(Exception):
    pass


def iter_unpack(format, buffer, /):
    return _UnpackIterator(_iter_unpack(format, buffer))


class _UnpackIterator:
    __slots__ = ('_items', '_index')

    def __init__(self, items):
        self._items = items
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._index >= len(self._items):
            raise StopIteration
        self._index += 1
        return self._items[self._index - 1]

    def __length_hint__(self):
        return len(self._items) - self._index


_UnpackIterator.__name__ = _UnpackIterator.__qualname__ = 'unpack_iterator'
_UnpackIterator.__module__ = '_struct'


class Struct:
    __slots__ = ('format', 'size')

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self.size = calcsize(format)
        self.format = format

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer, /):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer, /):
        return iter_unpack(self.format, buffer)


Struct.__module__ = '_struct'
