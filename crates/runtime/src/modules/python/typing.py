# Loopscope's typing, written for Loopscope after CPython 3.11's behaviour:
# the names programs import for annotations, subscriptable with CPython's
# reprs (typing.Optional[int], ~T), get_origin/get_args, cast, TypeVar,
# NewType, NamedTuple (a namedtuple built from the class body's annotations)
# and Generic/Protocol (Generic[T] and Repo[int] are aliases whose
# __mro_entries__ give the class; __parameters__ collected as 3.11 does).

import collections as _collections
import sys as _sys
import types as _types

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None:
        return 'None'
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    """A type named by a string, evaluated by get_type_hints."""
    __slots__ = ('__forward_arg__', '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        return eval(self.__forward_arg__, globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __repr__(self):
        module = '' if self.__forward_module__ is None else f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module})'


class _Final:
    """Objects of this module that cannot be subclassed."""
    __slots__ = ()


class _SpecialForm(_Final):
    __slots__ = ('_name', '_subscript')

    def __init__(self, name, subscript=None):
        self._name = name
        self._subscript = subscript

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._subscript is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._subscript(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")


class _GenericAlias(_Final):
    """A subscripted type: __origin__ and __args__, CPython's repr."""

    def __init__(self, origin, args, name=None, special=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(... if a is ... else _type_check(a) for a in args)
        self._name = name
        self._special = special

    def __repr__(self):
        if self._special is not None:
            return self._special(self)
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if not self.__args__:
            return name
        return f"{name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __getitem__(self, params):
        return self

    @property
    def __parameters__(self):
        return _collect_parameters(self.__args__)

    def __mro_entries__(self, bases):
        # _GenericAlias.__mro_entries__ and _BaseGenericAlias's, as 3.11's.
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _GenericAlias) and b is not self:
                    return ()
            return (Generic,)
        if not self._name:
            return (self.__origin__,)
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")


class _SpecialGenericAlias(_Final):
    """An unsubscripted alias of a class (typing.List): isinstance works."""

    def __init__(self, origin, name):
        self.__origin__ = origin
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union(form, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not parameters:
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for p in parameters:
        p = _type_check(p)
        members = p.__args__ if isinstance(p, _GenericAlias) and p.__origin__ is Union else (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _GenericAlias(Union, tuple(flat), special=_union_repr)


def _union_repr(alias):
    args = alias.__args__
    if len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return f'typing.Optional[{_type_repr(other)}]'
    return f"typing.Union[{', '.join(_type_repr(a) for a in args)}]"


def _optional(form, parameter):
    return Union[parameter, None]


def _subscript_as(name):
    def subscript(form, parameters):
        return _GenericAlias(form, parameters, name)
    return subscript


def _is_param_expr(arg):
    return (arg is ... or isinstance(arg, ParamSpec)
            or (isinstance(arg, _GenericAlias) and arg.__origin__ is Concatenate))


def _callable_repr(alias):
    args = alias.__args__
    if len(args) == 2 and _is_param_expr(args[0]):
        return f'typing.Callable[{_type_repr(args[0])}, {_type_repr(args[1])}]'
    params = ', '.join(_type_repr(a) for a in args[:-1])
    return f'typing.Callable[[{params}], {_type_repr(args[-1])}]'


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        flat = (args,) if _is_param_expr(args) else tuple(args)
        return _GenericAlias(self.__origin__, flat + (result,), 'Callable',
                             special=_callable_repr)


def _tuple_repr(alias):
    if alias.__args__ == ():
        return 'typing.Tuple[()]'
    return f"typing.Tuple[{', '.join(_type_repr(a) for a in alias.__args__)}]"


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), 'Tuple', special=_tuple_repr)
        return _GenericAlias(tuple, params, 'Tuple', special=_tuple_repr)


def _literal(form, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    alias = _GenericAlias(form, (), 'Literal')
    alias.__args__ = parameters
    alias._special = lambda a: f"typing.Literal[{', '.join(repr(p) for p in a.__args__)}]"
    return alias


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _subscript_as('ClassVar'))
Final = _SpecialForm('Final', _subscript_as('Final'))
Literal = _SpecialForm('Literal', _literal)
TypeGuard = _SpecialForm('TypeGuard', _subscript_as('TypeGuard'))
Concatenate = _SpecialForm('Concatenate', _subscript_as('Concatenate'))
Required = _SpecialForm('Required', _subscript_as('Required'))
NotRequired = _SpecialForm('NotRequired', _subscript_as('NotRequired'))


def _annotated(form, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    alias = _GenericAlias(params[0], (params[0],))
    alias.__metadata__ = params[1:]
    alias._special = lambda a: (f"typing.Annotated[{_type_repr(a.__origin__)}, "
                                f"{', '.join(repr(m) for m in a.__metadata__)}]")
    return alias


class Annotated:
    """Annotated[T, x]: T with metadata (a class, as in CPython 3.11)."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        return _annotated(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f"Cannot subclass {cls.__module__}.Annotated")


class _AbstractBase:
    """What collections.abc's classes stand for (they are not modelled)."""


def _abstract(name):
    return type(name, (_AbstractBase,), {'__module__': 'collections.abc'})


Hashable = _SpecialGenericAlias(_abstract('Hashable'), 'Hashable')
Sized = _SpecialGenericAlias(_abstract('Sized'), 'Sized')
Awaitable = _SpecialGenericAlias(_abstract('Awaitable'), 'Awaitable')
Coroutine = _SpecialGenericAlias(_abstract('Coroutine'), 'Coroutine')
AsyncIterable = _SpecialGenericAlias(_abstract('AsyncIterable'), 'AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abstract('AsyncIterator'), 'AsyncIterator')
AsyncGenerator = _SpecialGenericAlias(_abstract('AsyncGenerator'), 'AsyncGenerator')
Iterable = _SpecialGenericAlias(_abstract('Iterable'), 'Iterable')
Iterator = _SpecialGenericAlias(_abstract('Iterator'), 'Iterator')
Generator = _SpecialGenericAlias(_abstract('Generator'), 'Generator')
Reversible = _SpecialGenericAlias(_abstract('Reversible'), 'Reversible')
Container = _SpecialGenericAlias(_abstract('Container'), 'Container')
Collection = _SpecialGenericAlias(_abstract('Collection'), 'Collection')
Sequence = _SpecialGenericAlias(_abstract('Sequence'), 'Sequence')
MutableSequence = _SpecialGenericAlias(_abstract('MutableSequence'), 'MutableSequence')
Mapping = _SpecialGenericAlias(_abstract('Mapping'), 'Mapping')
MutableMapping = _SpecialGenericAlias(_abstract('MutableMapping'), 'MutableMapping')
AbstractSet = _SpecialGenericAlias(_abstract('Set'), 'AbstractSet')
MutableSet = _SpecialGenericAlias(_abstract('MutableSet'), 'MutableSet')
KeysView = _SpecialGenericAlias(_abstract('KeysView'), 'KeysView')
ItemsView = _SpecialGenericAlias(_abstract('ItemsView'), 'ItemsView')
ValuesView = _SpecialGenericAlias(_abstract('ValuesView'), 'ValuesView')
Callable = _CallableAlias(_abstract('Callable'), 'Callable')
Tuple = _TupleAlias(tuple, 'Tuple')
List = _SpecialGenericAlias(list, 'List')
Dict = _SpecialGenericAlias(dict, 'Dict')
Set = _SpecialGenericAlias(set, 'Set')
FrozenSet = _SpecialGenericAlias(frozenset, 'FrozenSet')
Type = _SpecialGenericAlias(type, 'Type')
Deque = _SpecialGenericAlias(_collections.deque, 'Deque')
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 'OrderedDict')
Counter = _SpecialGenericAlias(_collections.Counter, 'Counter')
Text = str


class TypeVar(_Final):
    """Type variable."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = None if bound is None else _type_check(bound)
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec(_Final):
    """Parameter specification variable."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)


class ParamSpecArgs(_Final):
    """The type of P.args of a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__


class ParamSpecKwargs(_Final):
    """The type of P.kwargs of a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__


class TypeVarTuple(_Final):
    """Type variable tuple."""

    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


def _collect_parameters(args):
    parameters = []
    for t in args:
        if isinstance(t, (TypeVar, ParamSpec, TypeVarTuple)):
            if t not in parameters:
                parameters.append(t)
        else:
            for x in getattr(t, '__parameters__', ()):
                if isinstance(x, (TypeVar, ParamSpec, TypeVarTuple)) and x not in parameters:
                    parameters.append(x)
    return tuple(parameters)


class Generic:
    """Abstract base class for generic types."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(
                    f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) for p in params):
                raise TypeError(
                    f"Parameters to {cls.__name__}[...] must all be type variables "
                    f"or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(
                    f"Parameters to {cls.__name__}[...] must all be unique")
        else:
            expected = len(cls.__dict__.get('__parameters__', ()))
            if not expected:
                raise TypeError(f"{cls} is not a generic class")
            if len(params) != expected:
                raise TypeError(f"Too {'many' if len(params) > expected else 'few'} "
                                f"arguments for {cls}; actual {len(params)}, "
                                f"expected {expected}")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol')
        if error:
            raise TypeError("Cannot inherit from plain Generic")
        if '__orig_bases__' in cls.__dict__:
            tvars = list(_collect_parameters(cls.__orig_bases__))
            gvars = None
            for base in cls.__orig_bases__:
                if (isinstance(base, _GenericAlias) and
                        base.__origin__ in (Generic, Protocol)):
                    if gvars is not None:
                        raise TypeError(
                            "Cannot inherit from Generic[...] multiple times.")
                    gvars = base.__parameters__
            if gvars is not None:
                tvarset = set(tvars)
                gvarset = set(gvars)
                if not tvarset <= gvarset:
                    s_vars = ', '.join(str(t) for t in tvars if t not in gvarset)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError(f"Some type variables ({s_vars}) are"
                                    f" not listed in Generic[{s_args}]")
                tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


_EXCLUDED_ATTRIBUTES = frozenset([
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol',
    '_is_runtime_protocol', '__final__', '__abstractmethods__', '__annotations__',
    '__dict__', '__doc__', '__init__', '__module__', '__new__', '__slots__',
    '__subclasshook__', '__weakref__', '__class_getitem__', '_MutableMapping__marker',
    '__qualname__', '__init_subclass__'])


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _EXCLUDED_ATTRIBUTES:
                attrs.add(attr)
    return attrs


def _is_callable_members_only(cls):
    return all(callable(getattr(cls, attr, None)) for attr in _get_protocol_attrs(cls))


def _check_runtime(cls):
    if cls.__dict__.get('_is_protocol', False) and not getattr(cls, '_is_runtime_protocol', False):
        raise TypeError("Instance and class checks can only be used with"
                        " @runtime_checkable protocols")


# CPython's _ProtocolMeta (an ABCMeta there; here a type whose checks are
# the structural ones of 3.11's __instancecheck__ and _proto_hook).
class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        _check_runtime(cls)
        if ((not getattr(cls, '_is_protocol', False) or
                _is_callable_members_only(cls)) and
                cls.__subclasscheck__(type(instance))):
            return True
        if cls._is_protocol:
            if all(hasattr(instance, attr) and
                    (not callable(getattr(cls, attr, None)) or
                     getattr(instance, attr) is not None)
                    for attr in _get_protocol_attrs(cls)):
                return True
        return type.__subclasscheck__(cls, type(instance))

    def __subclasscheck__(cls, other):
        if type.__subclasscheck__(cls, other):
            return True
        if not cls.__dict__.get('_is_protocol', False):
            return False
        _check_runtime(cls)
        if not _is_callable_members_only(cls):
            raise TypeError("Protocols with non-method members"
                            " don't support issubclass()")
        if not isinstance(other, type):
            raise TypeError('issubclass() arg 1 must be a class')
        for attr in _get_protocol_attrs(cls):
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
                annotations = getattr(base, '__annotations__', {})
                if (attr in annotations and isinstance(other, _ProtocolMeta)
                        and other._is_protocol):
                    break
            else:
                return False
        return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes."""
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    if not issubclass(cls, Generic) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def final(f):
    return f


def overload(func):
    return func


def no_type_check(arg):
    return arg


def cast(typ, val):
    """Cast a value to a type (it returns the value unchanged)."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def reveal_type(obj, /):
    print(f"Runtime type is {type(obj).__name__!r}", file=_sys.stderr)
    return obj


def dataclass_transform(**kwargs):
    return lambda cls: cls


def get_origin(tp):
    if isinstance(tp, _GenericAlias) and hasattr(tp, '__metadata__'):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias, _types.GenericAlias)):
        return tp.__origin__
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias) and hasattr(tp, '__metadata__'):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        args = tp.__args__
        if tp.__origin__ is getattr(Callable, '__origin__') and args and args[0] is not ...:
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, (_types.GenericAlias, _types.UnionType)):
        return tp.__args__
    return ()


def _eval_type(t, globalns, localns):
    # Strings and forward references evaluated, also inside aliases.
    if isinstance(t, str):
        t = ForwardRef(t)
    if isinstance(t, ForwardRef):
        return _eval_type(_type_check(t._evaluate(globalns, localns)), globalns, localns)
    if isinstance(t, _GenericAlias):
        if t.__origin__ is Literal:
            # A Literal's strings are values, not forward references.
            return t
        args = tuple(_eval_type(a, globalns, localns) for a in t.__args__)
        if args == t.__args__:
            return t
        new = _GenericAlias.__new__(_GenericAlias)
        new.__dict__.update(t.__dict__)
        new.__args__ = args
        return new
    if isinstance(t, _types.GenericAlias):
        args = tuple(_eval_type(a, globalns, localns) for a in t.__args__)
        return t if args == t.__args__ else _types.GenericAlias(t.__origin__, args)
    return t


def _strip_annotations(t):
    if isinstance(t, _GenericAlias) and hasattr(t, '__metadata__'):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (its bases' first), module or function,
    strings evaluated in the namespace they were written in."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            annotations = base.__dict__.get('__annotations__', {})
            if globalns is None:
                module = _sys.modules.get(base.__module__)
                base_globals = getattr(module, '__dict__', {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in annotations.items():
                if value is None:
                    value = type(None)
                hints[name] = _eval_type(value, base_globals, base_locals)
    else:
        if globalns is None:
            globalns = getattr(obj, '__globals__', None)
            if globalns is None:
                globalns = getattr(obj, '__dict__', {})
        for name, value in dict(getattr(obj, '__annotations__', {}) or {}).items():
            if value is None:
                value = type(None)
            hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}


class NewType:
    """NewType creates simple unique types with almost zero runtime overhead."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition('.')[-1]
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x


_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults', '_make', '_replace',
                         '_asdict', '_source'})
_SPECIAL = frozenset({'__module__', '__name__', '__annotations__', '__qualname__'})


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    nm_tpl = _collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = dict(types)
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(),
                               module=ns.get('__module__', '__main__'),
                               defaults=[ns[n] for n in default_names])
        for key in ns:
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords"
                            " can be provided to NamedTuple, not both")
        return _make_nmtuple(typename, list(fields), module='__main__')


NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {'__module__': 'typing'})


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), {
            '__module__': ns.get('__module__', '__main__')})
        annotations = {}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            base_required = base.__dict__.get('__required_keys__', set())
            required_keys |= base_required
            optional_keys -= base_required
            base_optional = base.__dict__.get('__optional_keys__', set())
            required_keys -= base_optional
            optional_keys |= base_optional
        own_annotations = ns.get('__annotations__', {})
        annotations.update(own_annotations)
        for key, annotation in own_annotations.items():
            origin = get_origin(annotation)
            if origin is Annotated and get_args(annotation):
                origin = get_origin(get_args(annotation)[0])
            if origin is Required:
                required = True
            elif origin is NotRequired:
                required = False
            else:
                required = total
            if required:
                required_keys.add(key)
                optional_keys.discard(key)
            else:
                optional_keys.add(key)
                required_keys.discard(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, /, *args, **kwargs):
        return dict(*args, **kwargs)


class _TypedDictRoot(_TypedDictMeta):
    def __call__(cls, typename, fields=None, /, *, total=True, **kwargs):
        ns = {'__annotations__': dict(fields or kwargs), '__module__': '__main__'}
        return _TypedDictMeta(typename, (), ns, total=total)


TypedDict = type.__new__(_TypedDictRoot, 'TypedDict', (), {'__module__': 'typing'})

# CPython's __all__, less what Loopscope lacks (docs/differences.md).
__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union', 'AbstractSet',
    'Container', 'Hashable', 'ItemsView', 'Iterable', 'Iterator',
    'KeysView', 'Mapping', 'MutableMapping', 'MutableSequence',
    'MutableSet', 'Sequence', 'Sized', 'ValuesView', 'Awaitable',
    'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'Reversible', 'Counter', 'Deque', 'Dict',
    'DefaultDict', 'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple',
    'TypedDict', 'Generator', 'AnyStr', 'assert_type', 'assert_never',
    'cast', 'dataclass_transform', 'final', 'get_args', 'get_origin',
    'get_type_hints', 'LiteralString', 'Never', 'NewType', 'no_type_check',
    'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable',
    'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard',
]
