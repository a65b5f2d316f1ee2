# Loopscope's pickle, after CPython 3.11's pickle.py and the messages of its C
# accelerator (_pickle.c): dumps/dump write the bytes CPython writes for the
# built-in values (None, bools, ints, floats, complex, str, bytes, bytearray,
# tuples, lists, dicts, sets, frozensets), for classes and functions (by
# reference) and for instances of a program's classes (object.__reduce_ex__'s
# reduction: __getnewargs__, __getstate__/__dict__ and slots, __reduce__ and
# __reduce_ex__ of their own), in protocols 0 to 5 with protocol 4's framing
# and memo; loads/load read them back. There is no file system: dump and load
# work on file-like objects such as io.BytesIO.
# Its frames do not count against the recursion limit: it counts the levels
# _pickle.c counts (each object saved but an atom, a list's or dict's items,
# the C calls of object.__reduce_ex__), so that a structure nested too deeply
# ends in CPython's RecursionError at CPython's depth.

from _loopscope import (count_frames_as_c, enter_recursive_call as _enter,
                        leave_recursive_call as _leave, check_recursive_call as _check)
count_frames_as_c()

import sys
import types as _types
from struct import pack, unpack

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    __module__ = "_pickle"


class PicklingError(PickleError):
    __module__ = "_pickle"


class UnpicklingError(PickleError):
    __module__ = "_pickle"


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
LIST = b'l'
EMPTY_LIST = b']'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
LONG_BINGET = b'j'
PROTO = b'\x80'
NEWOBJ = b'\x81'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'

# How RecursionError's message ends at each of _pickle.c's recursion checks.
_PICKLING = " while pickling an object"
_CALLING = " while calling a Python object"

_TUPLESIZE2CODE = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]
_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024
_BATCHSIZE = 1000
# Protocols 0 to 2 name the modules of Python 2 (_compat_pickle's mappings).
_PY2_MODULES = {"builtins": "__builtin__", "copyreg": "copy_reg"}
_PY3_MODULES = {v: k for k, v in _PY2_MODULES.items()}
_PY3_MODULES["exceptions"] = "builtins"
# ... and some names of Python 2 (_compat_pickle.REVERSE_NAME_MAPPING's for builtins).
_PY2_NAMES = {
    ("builtins", "range"): ("__builtin__", "xrange"),
    ("builtins", "chr"): ("__builtin__", "unichr"),
    ("builtins", "str"): ("__builtin__", "unicode"),
    ("builtins", "int"): ("__builtin__", "long"),
    ("builtins", "zip"): ("itertools", "izip"),
    ("builtins", "map"): ("itertools", "imap"),
    ("builtins", "filter"): ("itertools", "ifilter"),
}
for _name in ("ArithmeticError AssertionError AttributeError BaseException BufferError "
              "BytesWarning DeprecationWarning EOFError EnvironmentError Exception "
              "FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning "
              "IndentationError IndexError KeyError KeyboardInterrupt LookupError MemoryError "
              "NameError NotImplementedError OSError OverflowError PendingDeprecationWarning "
              "ReferenceError RuntimeError RuntimeWarning StopIteration SyntaxError "
              "SyntaxWarning SystemError SystemExit TabError TypeError UnboundLocalError "
              "UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError "
              "UnicodeWarning UserWarning ValueError Warning ZeroDivisionError").split():
    _PY2_NAMES[("builtins", _name)] = ("exceptions", _name)
for _name in ("BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError "
              "ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError "
              "InterruptedError IsADirectoryError NotADirectoryError PermissionError "
              "ProcessLookupError TimeoutError").split():
    _PY2_NAMES[("builtins", _name)] = ("exceptions", "OSError")
_PY2_NAMES[("builtins", "ModuleNotFoundError")] = ("exceptions", "ImportError")
del _name
# _compat_pickle.NAME_MAPPING, for loading.
_PY3_NAMES = {
    ("__builtin__", "xrange"): ("builtins", "range"),
    ("__builtin__", "reduce"): ("functools", "reduce"),
    ("__builtin__", "intern"): ("sys", "intern"),
    ("__builtin__", "unichr"): ("builtins", "chr"),
    ("__builtin__", "unicode"): ("builtins", "str"),
    ("__builtin__", "long"): ("builtins", "int"),
    ("__builtin__", "basestring"): ("builtins", "str"),
    ("itertools", "izip"): ("builtins", "zip"),
    ("itertools", "imap"): ("builtins", "map"),
    ("itertools", "ifilter"): ("builtins", "filter"),
}


# The one str object of each module and global name pickled (see save_global).
_INTERNED = {}


def _py2_global(module_name, name):
    # The module and name protocols 0 to 2 write for a global (fix_imports).
    mapped = _PY2_NAMES.get((module_name, name))
    if mapped is not None:
        return mapped
    return _PY2_MODULES.get(module_name, module_name), name


def _encode_long(x):
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder='little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def _decode_long(data):
    return int.from_bytes(data, byteorder='little', signed=True)


def _raw_unicode_escape(text):
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 256:
            out.append(code)
        elif code < 0x10000:
            out += b'\\u%04x' % code
        else:
            out += b'\\U%08x' % code
    return bytes(out)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _codecs_encode(text, encoding):
    return text.encode(encoding)


# Names the unpickler knows without importing them.
_KNOWN_GLOBALS = {
    ("copyreg", "__newobj__"): _newobj,
    ("copyreg", "_reconstructor"): _reconstructor,
    ("_codecs", "encode"): _codecs_encode,
}


def _reduce_ex(obj, proto):
    # obj.__reduce_ex__(proto): the class's own, or object.__reduce_ex__ (a C
    # method, one level deeper), which calls the class's own __reduce__ or
    # reduces the object itself.
    cls = type(obj)
    own = getattr(cls, "__reduce_ex__", None)
    if own is not None and own is not object.__dict__.get("__reduce_ex__"):
        return obj.__reduce_ex__(proto)
    _enter(_CALLING)
    try:
        own = getattr(cls, "__reduce__", None)
        if own is not None and own is not object.__dict__.get("__reduce__"):
            return obj.__reduce__()
        builtin = _BUILTIN_REDUCTIONS.get(cls)
        if builtin is not None:
            _check(_CALLING)
            return builtin(obj)
        return _object_reduction(obj, cls, proto)
    finally:
        _leave()


# The reductions of the built-in types that have a __reduce__ of their own (C methods).
_BUILTIN_REDUCTIONS = {
    range: lambda r: (range, (r.start, r.stop, r.step)),
    slice: lambda s: (slice, (s.start, s.stop, s.step)),
    type(...): lambda e: "Ellipsis",
    type(NotImplemented): lambda n: "NotImplemented",
}


def _object_reduction(obj, cls, proto):
    # What object.__reduce_ex__ makes of an object whose class has no reduction
    # of its own: copyreg._reduce_ex's before protocol 2 (a Python function,
    # one level), reduce_newobj's from then on.
    if proto < 2:
        _enter("")
        try:
            return _copyreg_reduce_ex(obj, cls)
        finally:
            _leave()
    if cls is not object and (cls.__module__ == "builtins" or not hasattr(obj, "__dict__") and
                              not _has_slots(cls)):
        raise TypeError("cannot pickle %r object" % cls.__name__)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    state = obj.__getstate__()
    getnewargs = getattr(obj, "__getnewargs__", None)
    args = getnewargs() if getnewargs is not None else ()
    return (_newobj, (cls,) + tuple(args), state, listitems, dictitems)


def _copyreg_reduce_ex(obj, cls):
    # copyreg._reduce_ex: the first built-in class of the MRO makes the state
    # the object is rebuilt from; __getstate__ the state set on it.
    for base in cls.__mro__:
        if base.__module__ == "builtins":
            break
    else:
        base = object
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(obj)
    args = (cls, base, state)
    if getattr(cls, "__getstate__", None) is object.__getstate__:
        if getattr(obj, "__slots__", None):
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        # object.__getstate__ called from Python reaches two levels deeper (measured).
        _enter(_CALLING)
        try:
            _check(_CALLING)
        finally:
            _leave()
    state = obj.__getstate__()
    if state:
        return _reconstructor, args, state
    return _reconstructor, args


def _has_slots(cls):
    for klass in cls.__mro__:
        if "__slots__" in klass.__dict__:
            return True
    return False


def _batches(items):
    # The items of a list (in slices) or of an iterator in lists of up to
    # _BATCHSIZE, each read just before it is saved, as _pickle.c's batch_list
    # and batch_dict do.
    if type(items) is list:
        return [items[start:start + _BATCHSIZE] for start in range(0, len(items), _BATCHSIZE)]
    batches = object.__new__(_Batches)  # made without a call of the class, which counts a level
    batches.it = iter(items)
    batches.done = False
    return batches


class _Batches:
    def __iter__(self):
        return self

    def __next__(self):
        if self.done:
            raise StopIteration
        batch = []
        for item in self.it:
            batch.append(item)
            if len(batch) == _BATCHSIZE:
                return batch
        self.done = True
        if not batch:
            raise StopIteration
        return batch


def _whichmodule(obj, name):
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module is None:
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _getattribute(obj, name):
    parent = None
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, obj))
        parent = obj
        obj = getattr(obj, subpath)
    return obj, parent


class _Framer:
    def __init__(self, file_write):
        self.file_write = file_write
        self.current_frame = None

    def start_framing(self):
        self.current_frame = bytearray()

    def end_framing(self):
        if self.current_frame:
            self.commit_frame(force=True)
            self.current_frame = None

    def commit_frame(self, force=False):
        f = self.current_frame
        if f and (force or len(f) >= _FRAME_SIZE_TARGET):
            if len(f) >= _FRAME_SIZE_MIN:
                self.file_write(FRAME + pack("<Q", len(f)))
            self.file_write(bytes(f))
            f.clear()  # the same buffer, which the Pickler writes into (see dump)

    def write(self, data):
        if self.current_frame is not None:
            self.current_frame += data
            return len(data)
        return self.file_write(data)

    def write_large_bytes(self, header, payload):
        if self.current_frame:
            self.commit_frame(force=True)
        self.file_write(header)
        self.file_write(payload)


class _Output:
    # Where dumps() writes: a growing bytearray (_pickle.c's output buffer).
    def __init__(self):
        self.data = bytearray()
        self.write = self.data.extend


class Pickler:
    __module__ = "_pickle"

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self.framer = _Framer(self._file_write)
        self.write = self.framer.write
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fix_imports = fix_imports and protocol < 3

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % type(self).__name__)
        self.write = self.framer.write
        if self.proto >= 2:
            self.write(PROTO + pack("<B", self.proto))
        if self.proto >= 4:
            self.framer.start_framing()
            # While framing, everything goes into the frame: write there
            # directly, one call per write instead of two.
            self.write = self.framer.current_frame.extend
        self.save(obj)
        self.write(STOP)
        self.framer.end_framing()

    def memoize(self, obj):
        idx = len(self.memo)
        self.write(self.put(idx))
        self.memo[id(obj)] = idx, obj

    def put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            if idx < 256:
                return BINPUT + pack("<B", idx)
            return LONG_BINPUT + pack("<I", idx)
        return PUT + b'%d\n' % idx

    def get(self, i):
        if self.bin:
            if i < 256:
                return BINGET + pack("<B", i)
            return LONG_BINGET + pack("<I", i)
        return GET + b'%d\n' % i

    def save(self, obj):
        f = self.framer.current_frame
        if f is not None and len(f) >= _FRAME_SIZE_TARGET:
            self.framer.commit_frame()
        t = type(obj)
        if obj is None or t is bool or t is int or t is float:
            self.dispatch[t](self, obj)
            return
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return
        if t is str or t is bytes:
            self.dispatch[t](self, obj)
            return
        _enter(_PICKLING)
        try:
            self._save_nested(obj, t)
        finally:
            _leave()

    def _save_nested(self, obj, t):
        # What save() does with an object other than an atom (one level deeper).
        f = self.dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        if isinstance(obj, (type, _types.FunctionType, _types.BuiltinFunctionType)):
            self.save_global(obj)
            return
        rv = _reduce_ex(obj, self.proto)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        write = self.write
        if self.proto >= 2 and func is _newobj:
            cls = args[0]
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            self.save(cls)
            self.save(args[1:])
            write(NEWOBJ)
        else:
            if func is _newobj:
                func = _reconstructor
            self.save(func)
            self.save(args)
            write(REDUCE)
        if obj is not None:
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                write(BUILD)
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    dispatch = {}

    def save_none(self, obj):
        self.write(NONE)
    dispatch[type(None)] = save_none

    def save_bool(self, obj):
        if self.proto >= 2:
            self.write(NEWTRUE if obj else NEWFALSE)
        else:
            self.write(b'I01\n' if obj else b'I00\n')
    dispatch[bool] = save_bool

    def save_long(self, obj):
        if self.bin:
            if obj >= 0:
                if obj <= 0xff:
                    self.write(BININT1 + pack("<B", obj))
                    return
                if obj <= 0xffff:
                    self.write(BININT2 + pack("<H", obj))
                    return
            if -0x80000000 <= obj <= 0x7fffffff:
                self.write(BININT + pack("<i", obj))
                return
        if self.proto >= 2:
            encoded = _encode_long(obj)
            n = len(encoded)
            if n < 256:
                self.write(LONG1 + pack("<B", n) + encoded)
            else:
                self.write(LONG4 + pack("<i", n) + encoded)
            return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(INT + b'%d\n' % obj)
        else:
            self.write(LONG + repr(obj).encode("ascii") + b'L\n')
    dispatch[int] = save_long

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + pack('>d', obj))
        else:
            self.write(FLOAT + float.__repr__(obj).encode("ascii") + b'\n')
    dispatch[float] = save_float

    def save_complex(self, obj):
        self.save_reduce(complex, (obj.real, obj.imag), obj=obj)
    dispatch[complex] = save_complex

    def _save_global_name(self, module_name, name, obj):
        # OBJ, the global the unpickler knows as MODULE_NAME.NAME (copyreg's,
        # _codecs.encode).
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self.write(STACK_GLOBAL)
        else:
            if self.fix_imports:
                module_name, name = _py2_global(module_name, name)
            self.write(GLOBAL + bytes(module_name, "utf-8") + b'\n' + bytes(name, "utf-8") + b'\n')
        self.memoize(obj)

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode, (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + pack("<B", n) + obj)
        elif n >= _FRAME_SIZE_TARGET:
            self.framer.write_large_bytes(BINBYTES + pack("<I", n), obj)
        else:
            self.write(BINBYTES + pack("<I", n) + obj)
        self.memoize(obj)
    dispatch[bytes] = save_bytes

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        n = len(obj)
        if n >= _FRAME_SIZE_TARGET:
            self.framer.write_large_bytes(BYTEARRAY8 + pack("<Q", n), bytes(obj))
        else:
            self.write(BYTEARRAY8 + pack("<Q", n) + bytes(obj))
        self.memoize(obj)
    dispatch[bytearray] = save_bytearray

    def save_str(self, obj):
        if self.bin:
            encoded = obj.encode('utf-8', 'surrogatepass')
            n = len(encoded)
            if n <= 0xff and self.proto >= 4:
                self.write(SHORT_BINUNICODE + pack("<B", n) + encoded)
            elif n >= _FRAME_SIZE_TARGET:
                self.framer.write_large_bytes(BINUNICODE + pack("<I", n), encoded)
            else:
                self.write(BINUNICODE + pack("<I", n) + encoded)
        else:
            tmp = obj.replace("\\", "\\u005c")
            tmp = tmp.replace("\0", "\\u0000")
            tmp = tmp.replace("\n", "\\u000a")
            tmp = tmp.replace("\r", "\\u000d")
            tmp = tmp.replace("\x1a", "\\u001a")
            self.write(UNICODE + _raw_unicode_escape(tmp) + b'\n')
        self.memoize(obj)
    dispatch[str] = save_str

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE if self.bin else MARK + TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            if id(obj) in memo:
                self.write(POP * n + self.get(memo[id(obj)][0]))
            else:
                self.write(_TUPLESIZE2CODE[n])
                self.memoize(obj)
            return
        write = self.write
        write(MARK)
        for element in obj:
            save(element)
        if id(obj) in memo:
            get = self.get(memo[id(obj)][0])
            write(POP_MARK + get if self.bin else POP * (n + 1) + get)
            return
        write(TUPLE)
        self.memoize(obj)
    dispatch[tuple] = save_tuple

    def save_list(self, obj):
        self.write(EMPTY_LIST if self.bin else MARK + LIST)
        self.memoize(obj)
        if obj:
            _enter(_PICKLING)
            try:
                self._batch_appends(obj)
            finally:
                _leave()
    dispatch[list] = save_list

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for x in items:
                save(x)
                write(APPEND)
            return
        for tmp in _batches(items):
            if len(tmp) > 1:
                write(MARK)
                for x in tmp:
                    save(x)
                write(APPENDS)
            else:
                save(tmp[0])
                write(APPEND)

    def save_dict(self, obj):
        self.write(EMPTY_DICT if self.bin else MARK + DICT)
        self.memoize(obj)
        if not self.bin:
            _check(_CALLING)
        elif not obj:
            return
        _enter(_PICKLING)
        try:
            self._batch_setitems(obj.items())
        finally:
            _leave()
    dispatch[dict] = save_dict

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        if not self.bin:
            for k, v in items:
                save(k)
                save(v)
                write(SETITEM)
            return
        for tmp in _batches(items):
            if len(tmp) > 1:
                write(MARK)
                for k, v in tmp:
                    save(k)
                    save(v)
                write(SETITEMS)
            else:
                k, v = tmp[0]
                save(k)
                save(v)
                write(SETITEM)

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        for batch in _batches(obj):
            self.write(MARK)
            for item in batch:
                self.save(item)
            self.write(ADDITEMS)
    dispatch[set] = save_set

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            self.write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)
    dispatch[frozenset] = save_frozenset

    def save_global(self, obj, name=None):
        for (module_name, known_name), known in _KNOWN_GLOBALS.items():
            if obj is known:
                return self._save_global_name(module_name, known_name, obj)
        if name is None:
            name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
        # CPython's identifiers are interned: the memo finds a module's name again.
        module_name = _whichmodule(obj, name)
        module_name = _INTERNED.setdefault(module_name, module_name)
        name = _INTERNED.setdefault(name, name)
        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % name)
        try:
            __import__(module_name, level=0)
            module = sys.modules[module_name]
            obj2, parent = _getattribute(module, name)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if obj2 is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))
        lastname = name.rpartition('.')[2]
        if parent is module:
            name = lastname
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self.write(STACK_GLOBAL)
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        elif self.proto >= 3:
            self.write(GLOBAL + bytes(module_name, "utf-8") + b'\n'
                       + bytes(name, "utf-8") + b'\n')
        else:
            if self.fix_imports:
                module_name, name = _py2_global(module_name, name)
            try:
                self.write(GLOBAL + bytes(module_name, "ascii") + b'\n'
                           + bytes(name, "ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s.%s' using "
                                    "pickle protocol %i" % (module_name, name, self.proto)) from None
        self.memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)
    dispatch[type] = save_type


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    out = _Output()
    Pickler(out, protocol, fix_imports=fix_imports).dump(obj)
    return bytes(out.data)


from _pickle_load import Unpickler, load, loads  # noqa: E402
