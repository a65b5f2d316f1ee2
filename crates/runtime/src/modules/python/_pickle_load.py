# The reading half of Loopscope's pickle (pickle.py re-exports it): the
# Unpickler of CPython 3.11's pickle.py for the opcodes of protocols 0 to 5,
# with the errors of its C accelerator (_pickle.c): "Ran out of input" at an
# opcode's start, "pickle data was truncated" inside one, "invalid load key".

import io
import sys
from struct import unpack

import pickle as _p


def _bad_key(key):
    if 0x20 <= key <= 0x7e and key not in (0x27, 0x5c):
        return _p.UnpicklingError("invalid load key, '%c'." % key)
    return _p.UnpicklingError("invalid load key, '\\x%02x'." % key)


def _raw_unicode_unescape(data):
    # The 'raw-unicode-escape' codec: \\uXXXX and \\UXXXXXXXX, other bytes as Latin-1.
    out = []
    i = 0
    while i < len(data):
        if data[i] == 0x5c and i + 1 < len(data) and data[i + 1] in (0x75, 0x55):
            width = 4 if data[i + 1] == 0x75 else 8
            out.append(chr(int(data[i + 2:i + 2 + width], 16)))
            i += 2 + width
        else:
            out.append(chr(data[i]))
            i += 1
    return "".join(out)


class Unpickler:
    __module__ = "_pickle"

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=()):
        self._file_read = file.read
        self._file_readline = file.readline
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def read(self, n):
        data = self._file_read(n)
        if len(data) < n:
            raise _p.UnpicklingError("pickle data was truncated")
        return data

    def readline(self):
        line = self._file_readline()
        if not line.endswith(b'\n'):
            raise _p.UnpicklingError("pickle data was truncated")
        return line

    def load(self):
        if not hasattr(self, "_file_read"):
            raise _p.UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                     % type(self).__name__)
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        dispatch = self.dispatch
        try:
            while True:
                key = self._file_read(1)
                if not key:
                    raise EOFError("Ran out of input")
                handler = dispatch.get(key[0])
                if handler is None:
                    raise _bad_key(key[0])
                handler(self)
        except _p._Stop as stopinst:
            return stopinst.value

    def pop_mark(self):
        if not self.metastack:
            raise _p.UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def pop(self):
        if not self.stack:
            raise _p.UnpicklingError("unpickling stack underflow")
        return self.stack.pop()

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            module = _p._PY3_MODULES.get(module, module)
        known = _p._KNOWN_GLOBALS.get((module, name))
        if known is not None:
            return known
        __import__(module, level=0)
        if self.proto >= 4:
            return _p._getattribute(sys.modules[module], name)[0]
        return getattr(sys.modules[module], name)

    def _memo_get(self, idx):
        try:
            self.append(self.memo[idx])
        except KeyError:
            raise _p.UnpicklingError("Memo value not found at index %d" % idx) from None

    dispatch = {}

    def load_proto(self):
        proto = self.read(1)[0]
        if not 0 <= proto <= _p.HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto
    dispatch[_p.PROTO[0]] = load_proto

    def load_frame(self):
        self.read(8)
    dispatch[_p.FRAME[0]] = load_frame

    def load_stop(self):
        raise _p._Stop(self.pop())
    dispatch[_p.STOP[0]] = load_stop

    def load_none(self):
        self.append(None)
    dispatch[_p.NONE[0]] = load_none

    def load_false(self):
        self.append(False)
    dispatch[_p.NEWFALSE[0]] = load_false

    def load_true(self):
        self.append(True)
    dispatch[_p.NEWTRUE[0]] = load_true

    def load_int(self):
        data = self.readline()
        if data == b'00\n':
            val = False
        elif data == b'01\n':
            val = True
        else:
            val = int(data, 0)
        self.append(val)
    dispatch[_p.INT[0]] = load_int

    def load_binint(self):
        self.append(unpack('<i', self.read(4))[0])
    dispatch[_p.BININT[0]] = load_binint

    def load_binint1(self):
        self.append(self.read(1)[0])
    dispatch[_p.BININT1[0]] = load_binint1

    def load_binint2(self):
        self.append(unpack('<H', self.read(2))[0])
    dispatch[_p.BININT2[0]] = load_binint2

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1] == b'L'[0]:
            val = val[:-1]
        self.append(int(val, 0))
    dispatch[_p.LONG[0]] = load_long

    def load_long1(self):
        n = self.read(1)[0]
        self.append(_p._decode_long(self.read(n)))
    dispatch[_p.LONG1[0]] = load_long1

    def load_long4(self):
        n, = unpack('<i', self.read(4))
        if n < 0:
            raise _p.UnpicklingError("LONG pickle has negative byte count")
        self.append(_p._decode_long(self.read(n)))
    dispatch[_p.LONG4[0]] = load_long4

    def load_float(self):
        self.append(float(self.readline()[:-1]))
    dispatch[_p.FLOAT[0]] = load_float

    def load_binfloat(self):
        self.append(unpack('>d', self.read(8))[0])
    dispatch[_p.BINFLOAT[0]] = load_binfloat

    def load_unicode(self):
        self.append(_raw_unicode_unescape(self.readline()[:-1]))
    dispatch[_p.UNICODE[0]] = load_unicode

    def load_binunicode(self):
        n, = unpack('<I', self.read(4))
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))
    dispatch[_p.BINUNICODE[0]] = load_binunicode

    def load_binunicode8(self):
        n, = unpack('<Q', self.read(8))
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))
    dispatch[_p.BINUNICODE8[0]] = load_binunicode8

    def load_short_binunicode(self):
        n = self.read(1)[0]
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))
    dispatch[_p.SHORT_BINUNICODE[0]] = load_short_binunicode

    def load_binbytes(self):
        n, = unpack('<I', self.read(4))
        self.append(self.read(n))
    dispatch[_p.BINBYTES[0]] = load_binbytes

    def load_binbytes8(self):
        n, = unpack('<Q', self.read(8))
        self.append(self.read(n))
    dispatch[_p.BINBYTES8[0]] = load_binbytes8

    def load_short_binbytes(self):
        n = self.read(1)[0]
        self.append(self.read(n))
    dispatch[_p.SHORT_BINBYTES[0]] = load_short_binbytes

    def load_bytearray8(self):
        n, = unpack('<Q', self.read(8))
        self.append(bytearray(self.read(n)))
    dispatch[_p.BYTEARRAY8[0]] = load_bytearray8

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))
    dispatch[_p.TUPLE[0]] = load_tuple

    def load_empty_tuple(self):
        self.append(())
    dispatch[_p.EMPTY_TUPLE[0]] = load_empty_tuple

    def load_tuple1(self):
        self.stack[-1] = (self.stack[-1],)
    dispatch[_p.TUPLE1[0]] = load_tuple1

    def load_tuple2(self):
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]
    dispatch[_p.TUPLE2[0]] = load_tuple2

    def load_tuple3(self):
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]
    dispatch[_p.TUPLE3[0]] = load_tuple3

    def load_empty_list(self):
        self.append([])
    dispatch[_p.EMPTY_LIST[0]] = load_empty_list

    def load_empty_dictionary(self):
        self.append({})
    dispatch[_p.EMPTY_DICT[0]] = load_empty_dictionary

    def load_empty_set(self):
        self.append(set())
    dispatch[_p.EMPTY_SET[0]] = load_empty_set

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))
    dispatch[_p.FROZENSET[0]] = load_frozenset

    def load_list(self):
        items = self.pop_mark()
        self.append(items)
    dispatch[_p.LIST[0]] = load_list

    def load_dict(self):
        items = self.pop_mark()
        self.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})
    dispatch[_p.DICT[0]] = load_dict

    def load_newobj(self):
        args = self.pop()
        cls = self.pop()
        self.append(cls.__new__(cls, *args))
    dispatch[_p.NEWOBJ[0]] = load_newobj

    def load_newobj_ex(self):
        kwargs = self.pop()
        args = self.pop()
        cls = self.pop()
        self.append(cls.__new__(cls, *args, **kwargs))
    dispatch[_p.NEWOBJ_EX[0]] = load_newobj_ex

    def load_global(self):
        module = self.readline()[:-1].decode("utf-8")
        name = self.readline()[:-1].decode("utf-8")
        self.append(self.find_class(module, name))
    dispatch[_p.GLOBAL[0]] = load_global

    def load_stack_global(self):
        name = self.pop()
        module = self.pop()
        if type(name) is not str or type(module) is not str:
            raise _p.UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))
    dispatch[_p.STACK_GLOBAL[0]] = load_stack_global

    def load_reduce(self):
        args = self.pop()
        func = self.stack[-1]
        self.stack[-1] = func(*args)
    dispatch[_p.REDUCE[0]] = load_reduce

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        else:
            self.pop_mark()
    dispatch[_p.POP[0]] = load_pop

    def load_pop_mark(self):
        self.pop_mark()
    dispatch[_p.POP_MARK[0]] = load_pop_mark

    def load_dup(self):
        self.append(self.stack[-1])
    dispatch[_p.DUP[0]] = load_dup

    def load_get(self):
        self._memo_get(int(self.readline()[:-1]))
    dispatch[_p.GET[0]] = load_get

    def load_binget(self):
        self._memo_get(self.read(1)[0])
    dispatch[_p.BINGET[0]] = load_binget

    def load_long_binget(self):
        self._memo_get(unpack('<I', self.read(4))[0])
    dispatch[_p.LONG_BINGET[0]] = load_long_binget

    def load_put(self):
        i = int(self.readline()[:-1])
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = self.stack[-1]
    dispatch[_p.PUT[0]] = load_put

    def load_binput(self):
        self.memo[self.read(1)[0]] = self.stack[-1]
    dispatch[_p.BINPUT[0]] = load_binput

    def load_long_binput(self):
        self.memo[unpack('<I', self.read(4))[0]] = self.stack[-1]
    dispatch[_p.LONG_BINPUT[0]] = load_long_binput

    def load_memoize(self):
        self.memo[len(self.memo)] = self.stack[-1]
    dispatch[_p.MEMOIZE[0]] = load_memoize

    def load_append(self):
        value = self.pop()
        self.stack[-1].append(value)
    dispatch[_p.APPEND[0]] = load_append

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self.stack[-1]
        if isinstance(list_obj, list):
            list_obj.extend(items)
        else:
            for item in items:
                list_obj.append(item)
    dispatch[_p.APPENDS[0]] = load_appends

    def load_setitem(self):
        value = self.pop()
        key = self.pop()
        self.stack[-1][key] = value
    dispatch[_p.SETITEM[0]] = load_setitem

    def load_setitems(self):
        items = self.pop_mark()
        target = self.stack[-1]
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]
    dispatch[_p.SETITEMS[0]] = load_setitems

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self.stack[-1]
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            for item in items:
                set_obj.add(item)
    dispatch[_p.ADDITEMS[0]] = load_additems

    def load_build(self):
        state = self.pop()
        inst = self.stack[-1]
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for k, v in state.items():
                inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)
    dispatch[_p.BUILD[0]] = load_build

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append
    dispatch[_p.MARK[0]] = load_mark


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding,
                     errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return Unpickler(io.BytesIO(data), fix_imports=fix_imports, encoding=encoding,
                     errors=errors).load()
