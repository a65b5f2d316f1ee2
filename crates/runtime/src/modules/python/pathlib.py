# Loopscope's pathlib, written for Loopscope after CPython 3.11's behaviour
# of POSIX paths: PurePath/PurePosixPath (parsing, joining with /, parts,
# name/suffix/stem/parent(s), with_name/with_suffix/with_stem, relative_to,
# match, comparisons) and Path/PosixPath's cwd() and absolute(). Loopscope
# has no file system, so the methods that would touch one are absent.

import os as _os

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _split_root(part):
    if part[:1] != '/':
        return '', part
    if part[:2] == '//' and part[:3] != '///':
        return '//', part[2:]
    return '/', part.lstrip('/')


def _parse(args):
    """(root, parts after the root) of the joined arguments."""
    root = ''
    parts = []
    for arg in args:
        if isinstance(arg, PurePath):
            text = str(arg) if arg._parts or arg._root else ''
        elif isinstance(arg, str):
            text = arg
        else:
            fspath = getattr(type(arg), '__fspath__', None)
            if fspath is None:
                raise TypeError("expected str, bytes or os.PathLike object, "
                                f"not {type(arg).__name__}")
            text = fspath(arg)
        arg_root, rest = _split_root(text)
        if arg_root:
            root, parts = arg_root, []
        parts.extend(p for p in rest.split('/') if p and p != '.')
    return root, parts


def _fnmatch(name, pattern):
    """fnmatch.fnmatchcase for *, ? and [...] (no regular expressions)."""
    if not pattern:
        return not name
    head = pattern[0]
    if head == '*':
        return any(_fnmatch(name[i:], pattern[1:]) for i in range(len(name) + 1))
    if not name:
        return False
    if head == '?':
        return _fnmatch(name[1:], pattern[1:])
    if head == '[':
        end = pattern.find(']', 2)
        if end != -1:
            items = pattern[1:end]
            negate = items[:1] == '!'
            if negate:
                items = items[1:]
            found, i = False, 0
            while i < len(items):
                if i + 2 < len(items) and items[i + 1] == '-':
                    found = found or items[i] <= name[0] <= items[i + 2]
                    i += 3
                else:
                    found = found or items[i] == name[0]
                    i += 1
            return found != negate and _fnmatch(name[1:], pattern[end + 1:])
    return head == name[0] and _fnmatch(name[1:], pattern[1:])


class _PathParents:
    """The logical ancestors of a path, as a sequence."""

    __slots__ = ('_path',)

    def __init__(self, path):
        self._path = path

    def __len__(self):
        return len(self._path._parts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index >= len(self) or index < -len(self):
            raise IndexError(index)
        if index < 0:
            index += len(self)
        path = self._path
        return path._from(path._root, path._parts[:len(path._parts) - index - 1])

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __repr__(self):
        return f"<{type(self._path).__name__}.parents>"


class PurePath:
    """Base class for manipulating paths without I/O."""

    __slots__ = ('_root', '_parts')

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    def _from(self, root, parts):
        path = object.__new__(type(self))
        path._root = root
        path._parts = list(parts)
        return path

    def __str__(self):
        return (self._root + '/'.join(self._parts)) or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return 'file://' + str(self)

    def __repr__(self):
        return f"{type(self).__name__}({self.as_posix()!r})"

    def _key(self):
        return (self._root, self._parts)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._ordering() < other._ordering()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._ordering() <= other._ordering()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._ordering() > other._ordering()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._ordering() >= other._ordering()

    def _ordering(self):
        return ([self._root] if self._root else []) + self._parts

    def __truediv__(self, key):
        try:
            return self._from(*_parse([self, key]))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from(*_parse([key, self]))
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        return self._from(*_parse([self, *args]))

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + suffix for suffix in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        root, parts = _parse([name]) if name else ('', [])
        if not name or name[-1] == '/' or root or len(parts) != 1:
            raise ValueError(f"Invalid name {name!r}")
        return self._from(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError(f"Invalid suffix {suffix!r}")
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError(f"Invalid suffix {suffix!r}")
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        old = self.suffix
        name = name + suffix if not old else name[:-len(old)] + suffix
        return self._from(self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        root, parts = _parse(other)
        formatted = self._from(root, parts)
        if root != self._root or self._parts[:len(parts)] != parts:
            raise ValueError(f"{str(self)!r} is not in the subpath of {str(formatted)!r}"
                             " OR one path is relative and the other is absolute.")
        return self._from('', self._parts[len(parts):])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        if not path_pattern:
            raise ValueError("empty pattern")
        root, pattern_parts = _parse([path_pattern])
        parts = self.parts
        if root:
            pattern_parts = [root] + pattern_parts
            if len(pattern_parts) != len(parts):
                return False
        elif len(pattern_parts) > len(parts):
            return False
        for part, pattern in zip(reversed(parts), reversed(pattern_parts)):
            if not _fnmatch(part, pattern):
                return False
        return True


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems."""
    __slots__ = ()


class Path(PurePath):
    """PurePath subclass that can make system calls (here: cwd and absolute)."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        return self

    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from(*_parse([_os.getcwd(), self]))


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""
    __slots__ = ()
