# Loopscope's _csv: the C accelerator of CPython 3.11.7's csv module
# (Modules/_csv.c, PSF license) rewritten in Python: dialects and their
# validation, the reader's state machine and the writer's quoting, with the
# C module's error messages. csv.py itself is CPython's.

__version__ = "1.0"
__doc__ = "CSV parsing and writing."

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_dialects = {}
_field_limit = 128 * 1024


class Error(Exception):
    pass


Error.__module__ = '_csv'


def _char(name, value, default, allow_none):
    if value is None and allow_none:
        return None
    if value is None:
        value = default
    if not isinstance(value, str):
        if allow_none:
            raise TypeError(f'"{name}" must be string or None, not {type(value).__name__}')
        raise TypeError(f'"{name}" must be string, not {type(value).__name__}')
    if len(value) != 1:
        raise TypeError(f'"{name}" must be a 1-character string')
    return value


class Dialect:
    __slots__ = ('delimiter', 'quotechar', 'escapechar', 'doublequote',
                 'skipinitialspace', 'lineterminator', 'quoting', 'strict')

    def __init__(self, dialect=None, **kwargs):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        for key in kwargs:
            if key not in Dialect.__slots__:
                raise TypeError(f"'{key}' is an invalid keyword argument for this function")

        def pick(name, default):
            if name in kwargs:
                return kwargs[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default

        quotechar = pick('quotechar', '"')
        if quotechar is None and 'quoting' not in kwargs:
            # No quote character and no quoting asked for: nothing is quoted.
            quoting = QUOTE_NONE
        else:
            quoting = pick('quoting', QUOTE_MINIMAL)
        if not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        delimiter = _char('delimiter', pick('delimiter', ','), ',', False)
        if quotechar is None:
            if quoting != QUOTE_NONE:
                raise TypeError('quotechar must be set if quoting enabled')
        else:
            quotechar = _char('quotechar', quotechar, '"', True)
        escapechar = pick('escapechar', None)
        if escapechar is not None:
            escapechar = _char('escapechar', escapechar, None, True)
        lineterminator = pick('lineterminator', '\r\n')
        if not isinstance(lineterminator, str):
            raise TypeError(f'"lineterminator" must be a string, not {type(lineterminator).__name__}')
        object.__setattr__(self, 'delimiter', delimiter)
        object.__setattr__(self, 'quotechar', quotechar)
        object.__setattr__(self, 'escapechar', escapechar)
        object.__setattr__(self, 'doublequote', bool(pick('doublequote', True)))
        object.__setattr__(self, 'skipinitialspace', bool(pick('skipinitialspace', False)))
        object.__setattr__(self, 'lineterminator', lineterminator)
        object.__setattr__(self, 'quoting', quoting)
        object.__setattr__(self, 'strict', bool(pick('strict', False)))

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)


Dialect.__module__ = '_csv'


def register_dialect(name, dialect=None, **kwargs):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **kwargs)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    global _field_limit
    if len(args) > 1:
        raise TypeError(f"field_size_limit expected at most 1 argument, got {len(args)}")
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL,
 _AFTER_ESCAPED_CRNL) = range(9)


class Reader:

    def __init__(self, iterable, dialect='excel', **kwargs):
        self._input = iter(iterable)
        self.dialect = Dialect(dialect, **kwargs)
        self.line_num = 0

    def __iter__(self):
        return self

    def _reset(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False

    def _save_field(self):
        field = ''.join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def __next__(self):
        self._reset()
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if len(self._field) != 0 or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)"
                            % type(line).__name__)
            self.line_num += 1
            for c in line:
                self._process(c)
            self._process(None)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _process(self, c):
        d = self.dialect
        state = self._state
        if state == _START_RECORD:
            if c is None:
                return
            if c in '\n\r':
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _START_FIELD:
            if c is None or c in '\n\r':
                self._save_field()
                self._state = _START_RECORD if c is None else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == ' ' and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add_char(c)
                self._state = _IN_FIELD
        elif state == _ESCAPED_CHAR:
            if c is not None and c in '\n\r':
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            if c is None:
                c = '\n'
            self._add_char(c)
            self._state = _IN_FIELD
        elif state == _AFTER_ESCAPED_CRNL:
            if c is None:
                return
            self._state = _IN_FIELD
            self._process(c)
        elif state == _IN_FIELD:
            if c is None or c in '\n\r':
                self._save_field()
                self._state = _START_RECORD if c is None else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
        elif state == _IN_QUOTED_FIELD:
            if c is None:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                if d.doublequote:
                    self._state = _QUOTE_IN_QUOTED_FIELD
                else:
                    self._state = _IN_FIELD
            else:
                self._add_char(c)
        elif state == _ESCAPE_IN_QUOTED_FIELD:
            if c is None:
                c = '\n'
            self._add_char(c)
            self._state = _IN_QUOTED_FIELD
        elif state == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is None or c in '\n\r':
                self._save_field()
                self._state = _START_RECORD if c is None else _EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        elif state == _EAT_CRNL:
            if c is None:
                self._state = _START_RECORD
            elif c in '\n\r':
                pass
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")


Reader.__name__ = Reader.__qualname__ = 'reader'
Reader.__module__ = '_csv'


def reader(csvfile, dialect='excel', **fmtparams):
    return Reader(csvfile, dialect, **fmtparams)


class Writer:

    def __init__(self, fileobj, dialect='excel', **kwargs):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = Dialect(dialect, **kwargs)

    def _field(self, value):
        d = self.dialect
        if d.quoting == QUOTE_NONNUMERIC:
            quoted = not isinstance(value, (int, float, complex))
        else:
            quoted = d.quoting == QUOTE_ALL
        if value is None:
            text = ''
        elif isinstance(value, float):
            text = repr(value)
        else:
            text = str(value)
        out = []
        for c in text:
            want_escape = False
            if (c == d.delimiter or c == d.escapechar or c == d.quotechar
                    or c in d.lineterminator):
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        text = ''.join(out)
        if quoted:
            text = d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error("iterable expected, not %.200s" % type(row).__name__)
        parts = [self._field(f) for f in fields]
        line = d.delimiter.join(parts)
        if parts and not line:
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            line = d.quotechar * 2
        return self._write(line + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


Writer.__name__ = Writer.__qualname__ = 'writer'
Writer.__module__ = '_csv'


def writer(fileobj, dialect='excel', **fmtparams):
    return Writer(fileobj, dialect, **fmtparams)
