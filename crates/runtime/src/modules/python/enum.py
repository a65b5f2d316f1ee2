# Loopscope's enum, written for Loopscope after CPython 3.11's behaviour:
# EnumType (the members as class attributes in definition order, aliases,
# Color['RED'], Color(1), iteration, len, in), Enum/IntEnum/StrEnum/ReprEnum,
# auto, Flag/IntFlag with composite members, unique, and the functional API,
# with 3.11's reprs, str() and format().

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique', 'KEEP', 'STRICT',
           'FlagBoundary']


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    if isinstance(obj, (classmethod, staticmethod, property)):
        return True
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"


STRICT = 'strict'
KEEP = 'keep'


class FlagBoundary:
    STRICT = STRICT
    KEEP = KEEP


class _EnumDict(dict):
    """The class body's namespace: it keeps the members' names in order."""

    def __init__(self, cls_name, generate):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = []
        self._last_values = []
        self._generate = generate

    def __setitem__(self, key, value):
        if _is_sunder(key):
            if key == '_generate_next_value_':
                self._generate = value.__func__ if isinstance(value, staticmethod) else value
        elif _is_dunder(key) or _is_descriptor(value):
            pass
        elif key in self._member_names:
            raise TypeError(f'{key!r} already defined as {self[key]!r}')
        else:
            if key in self:
                raise TypeError(f'{key!r} already defined as {self[key]!r}')
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate(key, 1, len(self._member_names),
                                                 self._last_values[:])
                value = value.value
            self._member_names.append(key)
            self._last_values.append(value)
        super().__setitem__(key, value)


def _find_data_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object or isinstance(base, EnumType):
                continue
            if base in (int, str, float, tuple, bytes, dict, list, set, frozenset):
                return base
            if '__new__' in base.__dict__:
                return base
    return object


def _data_type_answers(enum_class, name):
    """Whether a mixed-in data type, not an enum, gives the class name."""
    for klass in enum_class.__mro__[1:]:
        if isinstance(klass, EnumType):
            if name in klass.__dict__:
                return False
        elif klass is not object:
            if klass.__module__ == 'builtins' or name in klass.__dict__:
                return True
    return False


class EnumType(type):
    """Metaclass for Enum"""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        generate = _generate_next_value
        for base in bases:
            found = getattr(base, '_generate_next_value_', None)
            if found is not None:
                generate = found
                break
        return _EnumDict(cls, generate)

    def __new__(metacls, cls, bases, classdict, boundary=None, **kwds):
        member_names = list(getattr(classdict, '_member_names', ()))
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"<enum {cls!r}> cannot extend {base!r}")
        namespace = {k: v for k, v in classdict.items() if k not in member_names}
        namespace.pop('_order_', None)
        namespace.pop('_ignore_', None)
        member_new = namespace.pop('__new__', None)
        if isinstance(member_new, staticmethod):
            member_new = member_new.__func__
        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)
        member_type = _find_data_type(bases) if bases else object
        if member_new is None:
            for base in bases:
                member_new = getattr(base, '_new_member_', None)
                if member_new is not None:
                    break
        type.__setattr__(enum_class, '_new_member_', member_new)
        type.__setattr__(enum_class, '_member_type_', member_type)
        type.__setattr__(enum_class, '_member_names_', [])
        type.__setattr__(enum_class, '_member_map_', {})
        type.__setattr__(enum_class, '_value2member_map_', {})
        if boundary is None:
            boundary = getattr(enum_class, '_boundary_', None)
        type.__setattr__(enum_class, '_boundary_', boundary)
        first_enum = next((b for b in reversed(bases) if isinstance(b, EnumType)), None)
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name not in namespace and _data_type_answers(enum_class, name):
                    type.__setattr__(enum_class, name, getattr(first_enum, name))
        for name in member_names:
            enum_class._add_member_(name, classdict[name])
        if enum_class._is_flag_():
            bits = 0
            for member in enum_class._member_map_.values():
                bits |= member._value_
            type.__setattr__(enum_class, '_flag_mask_', bits)
        return enum_class

    def __init__(cls, *args, **kwds):
        super().__init__(*args)

    def _add_member_(cls, name, value):
        args = value if isinstance(value, tuple) and cls._member_type_ is not tuple else (value,)
        member_type = cls._member_type_
        if cls._new_member_ is not None:
            member = cls._new_member_(cls, *args)
        elif member_type is object:
            member = object.__new__(cls)
        else:
            member = member_type.__new__(cls, *args)
        if not hasattr(member, '_value_'):
            if member_type is object:
                member._value_ = value
            else:
                member._value_ = member_type(*args)
        value = member._value_
        member._name_ = name
        member.__objclass__ = cls
        member.__init__(*args)
        for canonical in cls._member_map_.values():
            if canonical._value_ == value:
                type.__setattr__(cls, name, canonical)
                cls._member_map_[name] = canonical
                return
        if not (cls._is_flag_() and not _is_single_bit(value)):
            cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_.setdefault(value, member)
        except TypeError:
            pass
        type.__setattr__(cls, name, member)

    def _is_flag_(cls):
        return Flag is not None and issubclass(cls, Flag)

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        # Enum.__new__'s order: no members at all is an error before _missing_ runs;
        # an error _missing_ raises is raised with the ValueError as its context.
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        try:
            if isinstance(result, cls):
                return result
            ve_exc = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
            if result is None and exc is None:
                raise ve_exc
            elif exc is None:
                exc = TypeError(f"error in {cls.__name__}._missing_: returned {result!r} "
                                f"instead of None or a valid member")
            if not isinstance(exc, ValueError):
                exc.__context__ = ve_exc
            raise exc
        finally:
            exc = None
            ve_exc = None

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        metacls = cls.__class__
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names, last_values = names, [], []
            for count, name in enumerate(original):
                value = classdict._generate(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        items = names.items() if isinstance(names, dict) else names
        for name, value in items:
            classdict[name] = value
        classdict['__module__'] = '__main__' if module is None else module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(member).__qualname__}' and '{type(cls).__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if cls._is_flag_():
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'{cls.__name__}: cannot delete member {name!r}')
        super().__delattr__(name)


EnumMeta = EnumType


def _generate_next_value(name, start, count, last_values):
    if not last_values:
        return start
    for value in reversed(last_values):
        try:
            return value + 1
        except TypeError:
            pass
    return start


class _member_property:
    """name and value: read-only attributes of the members."""

    def __init__(self, attr):
        self._attr = attr
        self._public = attr.strip('_')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return getattr(instance, self._attr)

    def __set__(self, instance, value):
        raise AttributeError(f"<enum 'Enum'> cannot set attribute {self._public!r}")

    def __delete__(self, instance):
        raise AttributeError(f"<enum 'Enum'> cannot delete attribute {self._public!r}")


Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    name = _member_property('_name_')
    value = _member_property('_value_')

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = repr(self._value_)
        return f"<{self.__class__.__name__}.{self._name_}: {value_repr}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


def _mixin_str(self):
    return self._member_type_.__str__(self)


def _mixin_format(self, format_spec):
    return self._member_type_.__format__(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""

    __str__ = _mixin_str
    __format__ = _mixin_format


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f'too many arguments for str(): {values!r}')
        if not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        member = str.__new__(cls, *values)
        member._value_ = str(*values)
        return member

    __str__ = _mixin_str
    __format__ = _mixin_format

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()



def _high_bit(value):
    return value.bit_length() - 1


def _flag_bits(value):
    bit = 1
    while bit <= value:
        if value & bit:
            yield bit
        bit <<= 1


class Flag(Enum, boundary=STRICT):
    """Support for flags"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        return 2 ** (_high_bit(last_value) + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        mask = cls._flag_mask_
        if value < 0:
            value = value & mask if cls._boundary_ != KEEP else value
        if value & ~mask and cls._boundary_ == STRICT:
            width = max(mask.bit_length(), value.bit_length())
            raise ValueError(f"{cls!r} invalid value {value!r}\n"
                             f"    given 0b0 {value:0{width}b}\n"
                             f"  allowed 0b0 {mask:0{width}b}")
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._member_map_.values()
                 if m._name_ in cls._member_names_ and m._value_ & value == m._value_ and m._value_]
        names = [n for n in cls._member_names_ if n in names and _is_single_bit(cls._member_map_[n]._value_)]
        unknown = value & ~mask
        if names and unknown:
            pseudo._name_ = '|'.join(names) + f'|{unknown}'
        elif names:
            pseudo._name_ = '|'.join(names)
        else:
            pseudo._name_ = None
        cls._value2member_map_.setdefault(value, pseudo)
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{self.__class__.__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for name in self.__class__._member_names_:
            member = self.__class__._member_map_[name]
            if _is_single_bit(member._value_) and member._value_ & self._value_ == member._value_:
                yield member

    def __len__(self):
        return sum(1 for _ in self)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"<{cls_name}: {self._value_!r}>"
        return f"<{cls_name}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def _operand_value(self, other):
        """other's value if it can combine with this flag, else None."""
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        value = self._operand_value(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._operand_value(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._operand_value(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ ^ value)

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _is_single_bit(value):
    return value != 0 and value & (value - 1) == 0


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags"""

    __str__ = _mixin_str
    __format__ = _mixin_format
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__
    __repr__ = Flag.__repr__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        details = ', '.join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
    return enumeration
