# Loopscope's json.encoder: Python values to JSON text, as CPython 3.11
# writes it (float repr, escapes, separators, indentation, sort_keys,
# default, circular references).

__all__ = ["JSONEncoder"]

from _loopscope import recursion_headroom as _recursion_headroom

_ESCAPED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
INFINITY = float("inf")
_DONE = object()


def _escape_char(c, ensure_ascii):
    if c in _ESCAPED:
        return _ESCAPED[c]
    n = ord(c)
    if n < 0x20 or (ensure_ascii and n > 0x7E):
        if n > 0xFFFF:
            n -= 0x10000
            return "\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF))
        return "\\u%04x" % n
    return c


def py_encode_basestring(s):
    return '"' + "".join(_escape_char(c, False) for c in s) + '"'


def py_encode_basestring_ascii(s):
    return '"' + "".join(_escape_char(c, True) for c in s) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            return self._string(o)
        return "".join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        chunks = []
        self._encode(o, chunks, {} if self.check_circular else None, indent, 0)
        return iter(chunks)

    def _string(self, s):
        return py_encode_basestring_ascii(s) if self.ensure_ascii else py_encode_basestring(s)

    def _float(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def _scalar(self, o):
        # The text of a str, None, bool, int or float; None for others.
        if isinstance(o, str):
            return self._string(o)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self._float(o)
        return None

    def _encode(self, o, chunks, markers, indent, level):
        # The chunks are those of CPython's iterencode(): a list's opening
        # and separators are joined to the scalar that follows them. Lists,
        # dicts and what default() makes of other objects nest on a stack of
        # their own, not Python's, as deep as CPython's encoder goes (one level of
        # the recursion limit each): each is a generator that writes its chunks
        # and yields the values it holds that are not scalars.
        # CPython's Python encoder (indent) has one frame fewer than its C one here.
        headroom = _recursion_headroom() + (indent is not None)
        stack = []
        while True:
            text = self._scalar(o)
            if text is not None:
                chunks.append(text)
            elif len(stack) >= headroom:
                raise RecursionError("maximum recursion depth exceeded while "
                                     + ("encoding a JSON object" if indent is None
                                        else "calling a Python object"))
            elif isinstance(o, (list, tuple)) and not o:
                chunks.append("[]")
            elif isinstance(o, dict) and not o:
                chunks.append("{}")
            else:
                key = None
                if markers is not None:
                    key = id(o)
                    if key in markers:
                        raise ValueError("Circular reference detected")
                    markers[key] = o
                at = stack[-1][2] if stack else level
                if isinstance(o, (list, tuple)):
                    stack.append((self._list(o, chunks, indent, at), key, at + 1))
                elif isinstance(o, dict):
                    stack.append((self._dict(o, chunks, indent, at), key, at + 1))
                else:
                    stack.append((iter((self.default(o),)), key, at))
            # The next value to write: what the innermost container yields next
            # (at the level it says).
            while stack:
                work, key, _ = stack[-1]
                o = next(work, _DONE)
                if o is not _DONE:
                    break
                stack.pop()
                if key is not None:
                    del markers[key]
            else:
                return

    def _layout(self, indent, level):
        # (text after the opening, separator between items, text before
        # the closing).
        if indent is None:
            return "", self.item_separator, ""
        newline = "\n" + indent * (level + 1)
        return newline, self.item_separator + newline, "\n" + indent * level

    def _list(self, o, chunks, indent, level):
        first, separator, last = self._layout(indent, level)
        prefix = "[" + first
        for value in o:
            text = self._scalar(value)
            if text is not None:
                chunks.append(prefix + text)
            else:
                chunks.append(prefix)
                yield value
            prefix = separator
        if last:
            chunks.append(last)
        chunks.append("]")

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self._float(key)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")

    def _dict(self, o, chunks, indent, level):
        first, separator, last = self._layout(indent, level)
        chunks.append("{")
        if first:
            chunks.append(first)
        items = sorted(o.items()) if self.sort_keys else o.items()
        started = False
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if started:
                chunks.append(separator)
            started = True
            chunks.append(self._string(key))
            chunks.append(self.key_separator)
            text = self._scalar(value)
            if text is not None:
                chunks.append(text)
            else:
                yield value
        if last:
            chunks.append(last)
        chunks.append("}")
