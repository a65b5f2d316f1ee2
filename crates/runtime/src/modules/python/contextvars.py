# Loopscope's contextvars, written for Loopscope after CPython 3.11's
# behaviour. Run in the namespace of the native module, whose _current()
# is the current context's variables (a dict the event loop swaps per task
# step) and _swap(vars) makes other variables current. A Context owns such
# a dict; copy_context() copies the current one, as CPython's immutable
# mappings make a copy of what is current.

from _loopscope import c_type as _c_type

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_MISSING = object()


def _address(obj):
    return f"0x{id(obj):x}"


class Context:
    __slots__ = ('_vars', '_entered', '__weakref__')

    def __init__(self):
        self._vars = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        self._entered = True
        outer = _swap(self._vars)
        try:
            return callable(*args, **kwargs)
        finally:
            _swap(outer)
            self._entered = False

    def copy(self):
        new = Context()
        new._vars = dict(self._vars)
        return new

    def _check_key(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")

    def __getitem__(self, var):
        self._check_key(var)
        return self._vars[var]

    def get(self, var, default=None):
        self._check_key(var)
        return self._vars.get(var, default)

    def __contains__(self, var):
        self._check_key(var)
        return var in self._vars

    def __len__(self):
        return len(self._vars)

    def __iter__(self):
        return iter(list(self._vars))

    def keys(self):
        return list(self._vars).__iter__()

    def values(self):
        return list(self._vars.values()).__iter__()

    def items(self):
        return list(self._vars.items()).__iter__()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._vars == other._vars

    __hash__ = None

    def __repr__(self):
        return f"<_contextvars.Context object at {_address(self)}>"


Context.__module__ = '_contextvars'
_c_type(Context)


def copy_context():
    context = Context()
    context._vars = dict(_current())
    return context


class ContextVar:
    __slots__ = ('_name', '_default')

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, default=_MISSING):
        vars = _current()
        if self in vars:
            return vars[self]
        if default is not _MISSING:
            return default
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        vars = _current()
        old_value = vars.get(self, Token.MISSING)
        vars[self] = value
        return Token(vars, self, old_value)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        vars = _current()
        if token._vars is not vars:
            raise ValueError(f"{token!r} was created in a different Context")
        token._used = True
        if token._old_value is Token.MISSING:
            vars.pop(self, None)
        else:
            vars[self] = token._old_value

    def __hash__(self):
        return object.__hash__(self)

    def __class_getitem__(cls, item):
        return cls

    def __repr__(self):
        default = '' if self._default is _MISSING else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at {_address(self)}>"


ContextVar.__module__ = '_contextvars'
_c_type(ContextVar)


class _TokenMissing:
    def __repr__(self):
        return '<Token.MISSING>'


class Token:
    __slots__ = ('_vars', '_var', '_old_value', '_used')

    MISSING = _TokenMissing()

    def __init__(self, vars, var, old_value):
        self._vars = vars
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __class_getitem__(cls, item):
        return cls

    def __repr__(self):
        used = ' used' if self._used else ''
        return f"<Token{used} var={self._var!r} at {_address(self)}>"


Token.__module__ = '_contextvars'
_c_type(Token)
