# The reading half of Loopscope's pickle (pickle.py re-exports it): the
# Unpickler of CPython 3.11's pickle.py for the opcodes of protocols 0 to 5,
# with the errors of its C accelerator (_pickle.c): "Ran out of input" at an
# opcode's start, "pickle data was truncated" inside one, "invalid load key".

# Its frames do not count against the recursion limit, as _pickle.c's loop does not.

from _loopscope import count_frames_as_c
count_frames_as_c()

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


class _Input:
    # What loads() reads: the bytes themselves (_pickle.c reads a bytes
    # object in place, without a file).
    def __init__(self, data):
        self.data = bytes(data)
        self.pos = 0

    def read(self, n):
        start = self.pos
        self.pos = end = start + n
        return self.data[start:end]

    def read_exact(self, n):
        # Unpickler.read over these bytes, in one call instead of two.
        start = self.pos
        self.pos = end = start + n
        data = self.data[start:end]
        if len(data) < n:
            raise _p.UnpicklingError("pickle data was truncated")
        return data

    def readline(self):
        start = self.pos
        end = self.data.find(b'\n', start)
        self.pos = end = len(self.data) if end < 0 else end + 1
        return self.data[start:end]


def _c_int(raw, base):
    # PyLong_FromString(raw, base), whose message decodes the text as UTF-8
    # and names the base it deduced from the text's prefix (for base 0).
    raw = raw.split(b'\0', 1)[0]
    try:
        return int(raw, base)
    except ValueError:
        pass
    text = raw[:200].decode('utf-8')
    if base == 0:
        digits = text.lstrip(' \t\n\r\f\v').lstrip('+-')
        prefix = digits[1:2].lower() if digits[:1] == '0' else ''
        base = {'x': 16, 'o': 8, 'b': 2}.get(prefix, 10)
    raise ValueError("invalid literal for int() with base %d: %r" % (base, text))


_SIMPLE_ESCAPES = {ord(k): v for k, v in zip('\\\'"abfnrtv', b'\\\'"\a\b\f\n\r\t\v')}


def _escape_decode(data):
    # codecs.escape_decode: a Python 2 str literal's backslash escapes.
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        i += 1
        if c != 0x5c:
            out.append(c)
            continue
        if i >= n:
            raise ValueError("Trailing \\ in string")
        c = data[i]
        i += 1
        if c == 0x0a:
            continue
        if c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
        elif 0x30 <= c <= 0x37:
            value = c - 0x30
            for _ in range(2):
                if i < n and 0x30 <= data[i] <= 0x37:
                    value = value * 8 + data[i] - 0x30
                    i += 1
            out.append(value & 0xff)
        elif c == 0x78:
            digits = data[i:i + 2]
            if len(digits) == 2 and all(d in b'0123456789abcdefABCDEF' for d in digits):
                out.append(int(digits, 16))
                i += 2
            else:
                raise ValueError("invalid \\x escape at position %d" % (i - 2))
        else:
            out.append(0x5c)
            out.append(c)
    return bytes(out)


_MAX_SIZE = (1 << 63) - 1


def _check_size8(n, opcode):
    # An 8-byte size the C unpickler refuses before reading.
    if n > _MAX_SIZE:
        raise OverflowError("%s exceeds system's maximum size of %d bytes" % (opcode, _MAX_SIZE))
    return n


class Unpickler:
    __module__ = "_pickle"

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=()):
        self._file = file
        self._file_read = file.read
        self._file_readline = file.readline
        if type(file) is _Input:
            self.read = file.read_exact
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

    def readline2(self):
        # The line of an opcode that needs one character before its newline.
        line = self.readline()
        if len(line) < 2:
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
        file = self._file
        try:
            if type(file) is _Input:
                # loads(): each opcode read from the bytes in place.
                data = file.data
                size = len(data)
                while True:
                    pos = file.pos
                    if pos >= size:
                        raise EOFError("Ran out of input")
                    file.pos = pos + 1
                    handler = dispatch.get(data[pos])
                    if handler is None:
                        raise _bad_key(data[pos])
                    handler(self)
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

    def underflow(self):
        # _pickle.c's Pdata_stack_underflow: the stack above the last MARK is empty.
        return _p.UnpicklingError("unexpected MARK found" if self.metastack
                                  else "unpickling stack underflow")

    def top(self):
        if not self.stack:
            raise self.underflow()
        return self.stack[-1]

    def pop_mark(self):
        if not self.metastack:
            raise _p.UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def pop(self):
        if not self.stack:
            raise self.underflow()
        return self.stack.pop()

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            if (module, name) in _p._PY3_NAMES:
                module, name = _p._PY3_NAMES[module, name]
            else:
                module = _p._PY3_MODULES.get(module, module)
        known = _p._KNOWN_GLOBALS.get((module, name))
        if known is not None:
            return known
        __import__(module, level=0)
        found = sys.modules[module]
        for part in name.split('.') if self.proto >= 4 else (name,):
            if part == '<locals>':
                raise AttributeError("Can't get local attribute %r on %r"
                                     % (name, sys.modules[module]))
            try:
                found = getattr(found, part)
            except AttributeError:
                raise AttributeError("Can't get attribute %r on %r"
                                     % (name, sys.modules[module])) from None
        return found

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
        n, = unpack('<Q', self.read(8))
        if n > _MAX_SIZE:
            raise OverflowError("FRAME length exceeds system's maximum of %d bytes" % _MAX_SIZE)
        if isinstance(self._file, _Input) and n > len(self._file.data) - self._file.pos:
            raise _p.UnpicklingError("pickle data was truncated")
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
        data = self.readline2()
        if data == b'00\n':
            val = False
        elif data == b'01\n':
            val = True
        else:
            try:
                val = int(data.split(b'\0', 1)[0], 0)
            except ValueError:
                raise ValueError("could not convert string to int") from None
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
        val = self.readline2()
        if val[-2] == b'L'[0]:
            val = val[:-2]
        self.append(_c_int(val, 0))
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
        line = self.readline2().split(b'\0', 1)[0]
        try:
            self.append(float(line.rstrip(b'\n')))
        except ValueError:
            # PyOS_string_to_double reads the longest float it can: text after
            # one, or none at all, is refused with different messages.
            text = line.decode('utf-8', 'replace')
            for end in range(len(text) - 1, 0, -1):
                try:
                    float(text[:end])
                except ValueError:
                    continue
                if not text[:1].isspace():
                    raise ValueError("could not convert string to float") from None
            raise ValueError("could not convert string to float: '%s'" % text) from None
    dispatch[_p.FLOAT[0]] = load_float

    def load_binfloat(self):
        self.append(unpack('>d', self.read(8))[0])
    dispatch[_p.BINFLOAT[0]] = load_binfloat

    def load_unicode(self):
        self.append(_raw_unicode_unescape(self.readline()[:-1]))
    dispatch[_p.UNICODE[0]] = load_unicode

    def load_binunicode(self):
        n, = unpack('<I', self.read(4))
        self.append(str(self.read(n), 'utf-8'))
    dispatch[_p.BINUNICODE[0]] = load_binunicode

    def load_binunicode8(self):
        n = _check_size8(unpack('<Q', self.read(8))[0], "BINUNICODE8")
        self.append(str(self.read(n), 'utf-8'))
    dispatch[_p.BINUNICODE8[0]] = load_binunicode8

    def load_short_binunicode(self):
        n = self.read(1)[0]
        self.append(str(self.read(n), 'utf-8'))
    dispatch[_p.SHORT_BINUNICODE[0]] = load_short_binunicode

    def load_binbytes(self):
        n, = unpack('<I', self.read(4))
        self.append(self.read(n))
    dispatch[_p.BINBYTES[0]] = load_binbytes

    def load_binbytes8(self):
        n = _check_size8(unpack('<Q', self.read(8))[0], "BINBYTES8")
        self.append(self.read(n))
    dispatch[_p.BINBYTES8[0]] = load_binbytes8

    def load_short_binbytes(self):
        n = self.read(1)[0]
        self.append(self.read(n))
    dispatch[_p.SHORT_BINBYTES[0]] = load_short_binbytes

    def load_bytearray8(self):
        n = _check_size8(unpack('<Q', self.read(8))[0], "BYTEARRAY8")
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
        self.stack[-1] = (self.top(),)
    dispatch[_p.TUPLE1[0]] = load_tuple1

    def load_tuple2(self):
        second = self.pop()
        self.stack[-1] = (self.top(), second)
    dispatch[_p.TUPLE2[0]] = load_tuple2

    def load_tuple3(self):
        third = self.pop()
        second = self.pop()
        self.stack[-1] = (self.top(), second, third)
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
        if type(args) is not tuple:
            raise _p.UnpicklingError("NEWOBJ expected an arg tuple.")
        if not isinstance(cls, type):
            raise _p.UnpicklingError("NEWOBJ class argument isn't a type object")
        self.append(cls.__new__(cls, *args))
    dispatch[_p.NEWOBJ[0]] = load_newobj

    def load_newobj_ex(self):
        kwargs = self.pop()
        args = self.pop()
        cls = self.pop()
        if not isinstance(cls, type):
            raise _p.UnpicklingError("NEWOBJ_EX class argument must be a type, not %.200s"
                                     % type(cls).__name__)
        if type(args) is not tuple:
            raise _p.UnpicklingError("NEWOBJ_EX args argument must be a tuple, not %.200s"
                                     % type(args).__name__)
        if type(kwargs) is not dict:
            raise _p.UnpicklingError("NEWOBJ_EX kwargs argument must be a dict, not %.200s"
                                     % type(kwargs).__name__)
        self.append(cls.__new__(cls, *args, **kwargs))
    dispatch[_p.NEWOBJ_EX[0]] = load_newobj_ex

    def load_global(self):
        module = self.readline2()[:-1].decode("utf-8")
        name = self.readline2()[:-1].decode("utf-8")
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
        func = self.top()
        if type(args) is not tuple:
            raise TypeError("argument list must be a tuple")
        self.stack[-1] = func(*args)
    dispatch[_p.REDUCE[0]] = load_reduce

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        elif self.metastack:
            self.pop_mark()
        else:
            raise self.underflow()
    dispatch[_p.POP[0]] = load_pop

    def load_pop_mark(self):
        self.pop_mark()
    dispatch[_p.POP_MARK[0]] = load_pop_mark

    def load_dup(self):
        self.append(self.top())
    dispatch[_p.DUP[0]] = load_dup

    def load_get(self):
        self._memo_get(_c_int(self.readline2(), 10))
    dispatch[_p.GET[0]] = load_get

    def load_binget(self):
        self._memo_get(self.read(1)[0])
    dispatch[_p.BINGET[0]] = load_binget

    def load_long_binget(self):
        self._memo_get(unpack('<I', self.read(4))[0])
    dispatch[_p.LONG_BINGET[0]] = load_long_binget

    def load_put(self):
        line = self.readline2()
        value = self.top()
        i = _c_int(line, 10)
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = value
    dispatch[_p.PUT[0]] = load_put

    def load_binput(self):
        i = self.read(1)[0]
        self.memo[i] = self.top()
    dispatch[_p.BINPUT[0]] = load_binput

    def load_long_binput(self):
        i, = unpack('<I', self.read(4))
        self.memo[i] = self.top()
    dispatch[_p.LONG_BINPUT[0]] = load_long_binput

    def load_memoize(self):
        self.memo[len(self.memo)] = self.top()
    dispatch[_p.MEMOIZE[0]] = load_memoize

    def load_append(self):
        value = self.pop()
        self.top().append(value)
    dispatch[_p.APPEND[0]] = load_append

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self.top()
        if isinstance(list_obj, list):
            list_obj.extend(items)
        else:
            for item in items:
                list_obj.append(item)
    dispatch[_p.APPENDS[0]] = load_appends

    def load_setitem(self):
        value = self.pop()
        key = self.pop()
        self.top()[key] = value
    dispatch[_p.SETITEM[0]] = load_setitem

    def load_setitems(self):
        items = self.pop_mark()
        target = self.top()
        if len(items) % 2:
            raise _p.UnpicklingError("odd number of items for SETITEMS")
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]
    dispatch[_p.SETITEMS[0]] = load_setitems

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self.top()
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            for item in items:
                set_obj.add(item)
    dispatch[_p.ADDITEMS[0]] = load_additems

    def load_build(self):
        state = self.pop()
        inst = self.top()
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        has_slots = isinstance(state, tuple) and len(state) == 2
        if has_slots:
            state, slotstate = state
        if state is not None:
            if not isinstance(state, dict):
                raise _p.UnpicklingError("state is not a dictionary")
            inst_dict = inst.__dict__
            for k, v in state.items():
                inst_dict[k] = v
        if has_slots:
            if not isinstance(slotstate, dict):
                raise _p.UnpicklingError("slot state is not a dictionary")
            for k, v in slotstate.items():
                setattr(inst, k, v)
    dispatch[_p.BUILD[0]] = load_build

    def _decode_string(self, value):
        # Python 2's str (BINSTRING, SHORT_BINSTRING) in the encoding asked for.
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self.readline2()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise _p.UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_escape_decode(data)))
    dispatch[b'S'[0]] = load_string

    def load_binstring(self):
        n, = unpack('<I', self.read(4))
        self.append(self._decode_string(self.read(n)))
    dispatch[b'T'[0]] = load_binstring

    def load_short_binstring(self):
        n = self.read(1)[0]
        self.append(self._decode_string(self.read(n)))
    dispatch[b'U'[0]] = load_short_binstring

    def _instantiate(self, klass, args):
        if not args and isinstance(klass, type) and not hasattr(klass, "__getinitargs__"):
            self.append(klass.__new__(klass))
        else:
            self.append(klass(*args))

    def load_inst(self):
        module = self.readline2()[:-1].decode("ascii")
        name = self.readline2()[:-1].decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())
    dispatch[b'i'[0]] = load_inst

    def load_obj(self):
        args = self.pop_mark()
        if not args:
            raise self.underflow()
        cls = args.pop(0)
        self._instantiate(cls, args)
    dispatch[b'o'[0]] = load_obj

    def load_persid(self):
        raise _p.UnpicklingError("A load persistent id instruction was encountered,\n"
                                 "but no persistent_load function was specified.")
    dispatch[b'P'[0]] = load_persid
    dispatch[b'Q'[0]] = load_persid

    def load_ext(self, width):
        # EXT1, EXT2, EXT4: no extension codes are registered (copyreg's registry).
        code = int.from_bytes(self.read(width), 'little', signed=width == 4)
        if code <= 0:
            raise _p.UnpicklingError("EXT specifies code <= 0")
        raise ValueError("unregistered extension code %d" % code)
    dispatch[0x82] = lambda self: self.load_ext(1)
    dispatch[0x83] = lambda self: self.load_ext(2)
    dispatch[0x84] = lambda self: self.load_ext(4)

    def load_readonly_buffer(self):
        buffer = self.top()
        view = memoryview(buffer)
        if not view.readonly:
            self.stack[-1] = view.toreadonly()
    dispatch[0x98] = load_readonly_buffer

    def load_next_buffer(self):
        raise _p.UnpicklingError("pickle stream refers to out-of-band data "
                                 "but no *buffers* argument was given")
    dispatch[0x97] = load_next_buffer

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
    return Unpickler(_Input(data), fix_imports=fix_imports, encoding=encoding,
                     errors=errors).load()
