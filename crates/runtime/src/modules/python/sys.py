# The Python half of Loopscope's sys (the rest is modules/sys.rs, which runs
# this in the module's namespace): the named tuples of the oracle's build
# (CPython's struct sequences) version_info, hash_info, float_info, int_info
# and flags; implementation; excepthook; warnoptions (no -W option is given).


def _item(index):
    return property(lambda self: self[index])


def _struct_seq(name, fields, values):
    def __new__(cls, *args, **kwargs):
        raise TypeError(f"cannot create 'sys.{name}' instances")

    def __repr__(self):
        shown = ", ".join(f"{field}={value!r}" for field, value in zip(fields, self))
        return f"sys.{name}({shown})"

    namespace = {"__new__": __new__, "__repr__": __repr__, "__module__": "sys",
                 "n_fields": len(fields), "n_sequence_fields": len(fields),
                 "n_unnamed_fields": 0}
    for index, field in enumerate(fields):
        namespace[field] = _item(index)
    cls = type(name, (tuple,), namespace)
    return tuple.__new__(cls, values)


version_info = _struct_seq(
    "version_info", ("major", "minor", "micro", "releaselevel", "serial"),
    (3, 11, 7, "final", 0))
hash_info = _struct_seq(
    "hash_info",
    ("width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"),
    (64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0))
float_info = _struct_seq(
    "float_info",
    ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
     "epsilon", "radix", "rounds"),
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
     2.220446049250313e-16, 2, 1))
int_info = _struct_seq(
    "int_info",
    ("bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"),
    (30, 4, 4300, 640))
# As the recorder's `python3` runs (PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE set).
flags = _struct_seq(
    "flags",
    ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
     "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet",
     "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
     "safe_path", "int_max_str_digits"),
    (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, False, 0, 0, False, -1))
del _item, _struct_seq


def __getattr__(name):
    # sys.implementation is a types.SimpleNamespace, and types imports sys:
    # it is made when first asked for.
    if name == "implementation":
        import types
        global implementation
        implementation = types.SimpleNamespace(
            name="cpython", cache_tag="cpython-311", version=version_info,
            hexversion=hexversion, _multiarch="x86_64-linux-gnu")
        return implementation
    raise AttributeError(f"module 'sys' has no attribute '{name}'")


def excepthook(exc_type, value, traceback, /):
    # What an uncaught exception prints (threading's hook falls back on it).
    import traceback as _traceback
    _traceback.print_exception(exc_type, value, traceback)


__excepthook__ = excepthook


def displayhook(value, /):
    # What an interactive statement ('single' mode) shows of an expression's
    # value: its repr on sys.stdout, kept as builtins._ (None is not shown).
    if value is None:
        return
    import builtins
    builtins._ = None
    out = globals().get("stdout")
    if out is None:
        raise RuntimeError("lost sys.stdout")
    out.write(repr(value))
    out.write("\n")
    builtins._ = value


__displayhook__ = displayhook
warnoptions = []


class TextIOWrapper:
    # sys.stdin: a simulated program's standard input is empty, as /dev/null
    # is for the CPython that records the conformance cases: reads find the
    # end of the file at once (input() then raises EOFError).
    __module__ = '_io'
    name = '<stdin>'
    mode = 'r'
    encoding = 'utf-8'
    errors = 'strict'
    closed = False

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"

    def read(self, size=-1, /):
        return ''

    def readline(self, size=-1, /):
        return ''

    def readlines(self, hint=-1, /):
        return []

    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration

    def readable(self):
        return True

    def writable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        return 0


stdin = __stdin__ = TextIOWrapper()
del TextIOWrapper
