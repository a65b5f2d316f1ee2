# The Python half of Loopscope's _sre: what CPython's _sre.c builds around
# its matcher (`_run`, this module's native half): compile(), the Pattern
# and Match types, the scanner behind finditer, and the case helpers the
# compiler asks for. Methods follow _sre.c's loops (findall, split, sub and
# the scanner restart where the last match ended, refusing an empty match
# there), so results and errors are CPython's.

from _loopscope import GenericAlias, c_type

_MAXSIZE = 9223372036854775807
_MATCH, _FULLMATCH, _SEARCH = 0, 1, 2

_FLAG_NAMES = (
    ("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4),
    ("re.MULTILINE", 8), ("re.DOTALL", 16), ("re.UNICODE", 32),
    ("re.VERBOSE", 64), ("re.DEBUG", 128), ("re.ASCII", 256),
)


def getcodesize():
    return CODESIZE


def ascii_iscased(ch):
    return ch < 128 and chr(ch).isalpha()


def ascii_tolower(ch):
    return ch + 32 if 65 <= ch <= 90 else ch


# CPython's simple case mappings: where the full mapping is several
# characters (İ lowers to i and a dot, ß uppers to SS), its first.
def unicode_iscased(ch):
    c = chr(ch)
    return c != c.lower()[0] or c != c.upper()[0]


def unicode_tolower(ch):
    return ord(chr(ch).lower()[0])


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    if not _validate(code, groups):
        raise RuntimeError("invalid SRE code")
    return Pattern(pattern, flags, code, groups, groupindex, indexgroup)


@c_type
class Pattern:
    __module__ = 're'
    __class_getitem__ = classmethod(GenericAlias)

    def __init__(self, pattern, flags, code, groups, groupindex, indexgroup):
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self._code = tuple(code)
        self._groupindex = dict(groupindex)
        self._indexgroup = indexgroup
        self._isbytes = isinstance(pattern, bytes)

    @property
    def groupindex(self):
        from types import MappingProxyType
        return MappingProxyType(self._groupindex)

    def _check(self, string):
        if isinstance(string, str):
            if self._isbytes:
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif isinstance(string, bytes):
            if not self._isbytes:
                raise TypeError("cannot use a string pattern on a bytes-like object")
        else:
            raise TypeError("expected string or bytes-like object, got "
                            f"'{type(string).__name__}'")

    def _bounds(self, string, pos, endpos):
        self._check(string)
        n = len(string)
        pos = min(max(pos, 0), n)
        endpos = min(max(endpos, 0), n)
        return pos, endpos

    def _run(self, string, pos, endpos, mode, must_advance=False):
        if pos > endpos:
            return None
        return _run(self._code, string, pos, endpos, mode, must_advance)

    def _match(self, string, pos, endpos, mode):
        pos, endpos = self._bounds(string, pos, endpos)
        found = self._run(string, pos, endpos, mode)
        return None if found is None else Match(self, string, pos, endpos, found)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, _MATCH)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, _FULLMATCH)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._match(string, pos, endpos, _SEARCH)

    def _matches(self, string, pos, endpos, limit=0):
        # _sre.c's search loop: each search starts where the last match
        # ended; after an empty match it must advance.
        pos, endpos = self._bounds(string, pos, endpos)
        must_advance = False
        n = 0
        while pos <= endpos and (not limit or n < limit):
            found = self._run(string, pos, endpos, _SEARCH, must_advance)
            if found is None:
                return
            yield found
            n += 1
            must_advance = found[1] == found[0]
            pos = found[1]

    def _group_text(self, string, found, index, default):
        marks = found[3]
        j = 2 * (index - 1)
        if j + 1 < len(marks) and marks[j] >= 0 and marks[j + 1] >= 0:
            return string[marks[j]:marks[j + 1]]
        return default

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        empty = string[:0]
        result = []
        for found in self._matches(string, pos, endpos):
            if self.groups == 0:
                result.append(string[found[0]:found[1]])
            elif self.groups == 1:
                result.append(self._group_text(string, found, 1, empty))
            else:
                result.append(tuple(self._group_text(string, found, i, empty)
                                    for i in range(1, self.groups + 1)))
        return result

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return iter(self.scanner(string, pos, endpos).search, None)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return SRE_Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        self._check(string)
        result = []
        last = 0
        for found in self._matches(string, 0, _MAXSIZE, maxsplit):
            result.append(string[last:found[0]])
            for i in range(1, self.groups + 1):
                result.append(self._group_text(string, found, i, None))
            last = found[1]
        result.append(string[last:])
        return result

    def _subx(self, repl, string, count):
        self._check(string)
        if callable(repl):
            template, is_callable = repl, True
        else:
            if not isinstance(repl, (str, bytes)):
                raise TypeError(f"expected str instance, {type(repl).__name__} found")
            backslash = '\\' if isinstance(repl, str) else b'\\'
            if backslash in repl:
                import re
                template = re._subx(self, repl)
                is_callable = callable(template)
            else:
                template, is_callable = repl, False
        pieces = []
        last = 0
        n = 0
        for found in self._matches(string, 0, _MAXSIZE, count):
            if last < found[0]:
                pieces.append(string[last:found[0]])
            if is_callable:
                item = template(Match(self, string, 0, len(string), found))
                if item is not None:
                    pieces.append(item)
            else:
                pieces.append(template)
            last = found[1]
            n += 1
        if last < len(string):
            pieces.append(string[last:])
        return string[:0].join(pieces), n

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def __repr__(self):
        flags = self.flags
        if not self._isbytes and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for name, value in _FLAG_NAMES:
            if flags & value:
                names.append(name)
                flags &= ~value
        if flags:
            names.append(hex(flags))
        shown = repr(self.pattern)[:200]
        if names:
            return f"re.compile({shown}, {'|'.join(names)})"
        return f"re.compile({shown})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and self._isbytes == other._isbytes
                and self._code == other._code)

    def __hash__(self):
        return hash((self.pattern, self.flags, self._code))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


@c_type
class SRE_Scanner:
    __module__ = '_sre'

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos, self._endpos = pattern._bounds(string, pos, endpos)
        self._must_advance = False

    def _next(self, mode):
        if self._pos is None or self._pos > self._endpos:
            return None
        found = self.pattern._run(self._string, self._pos, self._endpos, mode,
                                  self._must_advance)
        if found is None:
            self._pos = None
            return None
        self._must_advance = found[1] == found[0]
        self._pos = found[1]
        return Match(self.pattern, self._string, self._pos, self._endpos, found)

    def match(self):
        return self._next(_MATCH)

    def search(self):
        return self._next(_SEARCH)


@c_type
class Match:
    __module__ = 're'
    __class_getitem__ = classmethod(GenericAlias)

    def __init__(self, pattern, string, pos, endpos, found):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        start, end, lastindex, marks = found
        spans = [(start, end)]
        for i in range(pattern.groups):
            j = 2 * i
            if j + 1 < len(marks) and marks[j] >= 0 and marks[j + 1] >= 0:
                spans.append((marks[j], marks[j + 1]))
            else:
                spans.append((-1, -1))
        self.regs = tuple(spans)
        self.lastindex = lastindex if lastindex >= 0 else None

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        names = self.re._indexgroup
        if self.lastindex < len(names):
            return names[self.lastindex]
        return None

    def _index(self, group):
        if isinstance(group, int):
            index = group
        else:
            index = self.re._groupindex.get(group, -1) if _hashable(group) else -1
            if not isinstance(index, int):
                index = -1
        if index < 0 or index > self.re.groups:
            raise IndexError("no such group")
        return index

    def _group(self, group, default=None):
        start, end = self.regs[self._index(group)]
        if start < 0:
            return default
        return self.string[start:end]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, group):
        return self._group(group)

    def groups(self, default=None):
        return tuple(self._group(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(index, default)
                for name, index in self.re._groupindex.items()}

    def start(self, group=0):
        return self.regs[self._index(group)][0]

    def end(self, group=0):
        return self.regs[self._index(group)][1]

    def span(self, group=0):
        return self.regs[self._index(group)]

    def expand(self, template):
        import re
        return re._expand(self.re, self, template)

    def __repr__(self):
        start, end = self.regs[0]
        shown = repr(self.string[start:end])[:50]
        return f"<re.Match object; span=({start}, {end}), match={shown}>"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True
