# Loopscope's json.decoder: JSON text to Python values, with the messages
# and positions of CPython 3.11's C scanner.

__all__ = ["JSONDecoder", "JSONDecodeError"]

from _loopscope import recursion_headroom as _recursion_headroom

_WHITESPACE = " \t\n\r"
_DIGITS = "0123456789"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def _skip_whitespace(s, i):
    while i < len(s) and s[i] in _WHITESPACE:
        i += 1
    return i


def _hex4(s, start):
    digits = s[start:start + 4]
    if len(digits) != 4 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        return None
    return int(digits, 16)


def scanstring(s, end, strict=True):
    # The string whose opening quote is at end - 1: (value, index after
    # the closing quote).
    begin = end - 1
    chunks = []
    n = len(s)
    while True:
        i = end
        while i < n and s[i] != '"' and s[i] != "\\" and not (strict and s[i] < " "):
            i += 1
        if i >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        chunks.append(s[end:i])
        c = s[i]
        if c == '"':
            return "".join(chunks), i + 1
        if c != "\\":
            raise JSONDecodeError("Invalid control character at", s, i)
        i += 1
        if i >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[i]
        if c != "u":
            if c not in _ESCAPES:
                raise JSONDecodeError("Invalid \\escape", s, i - 1)
            chunks.append(_ESCAPES[c])
            end = i + 1
            continue
        # \uXXXX, then its low surrogate if it is a high one; CPython's
        # errors point at the `u`.
        end = i + 5
        code = _hex4(s, i + 1) if end < n else None
        if code is None:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, i)
        if 0xD800 <= code <= 0xDBFF and end + 6 < n and s[end] == "\\" and s[end + 1] == "u":
            low = _hex4(s, end + 2)
            if low is None:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                end += 6
        # A lone surrogate cannot be in a Loopscope string: U+FFFD stands in.
        chunks.append("\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code))


class _Scanner:
    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant

    def value(self, s, i):
        # (value, end) of the JSON value at i, or StopIteration(i). Arrays and
        # objects nest on a stack of their own, not Python's, as deep as CPython's
        # C scanner goes (one level of the recursion limit each).
        headroom = _recursion_headroom()
        stack = []
        while True:
            c = s[i:i + 1]
            if c == "[" or c == "{":
                if len(stack) >= headroom:
                    kind = "array" if c == "[" else "object"
                    raise RecursionError("maximum recursion depth exceeded while decoding "
                                         "a JSON %s from a unicode string" % kind)
                i = _skip_whitespace(s, i + 1)
                if c == "[":
                    if s[i:i + 1] == "]":
                        value, i = [], i + 1
                    else:
                        stack.append([False, [], None])
                        continue
                elif s[i:i + 1] == "}":
                    value, i = self.finish_object([]), i + 1
                else:
                    key, i = self.key(s, i)
                    stack.append([True, [], key])
                    continue
            else:
                try:
                    value, i = self.scalar(s, i)
                except StopIteration as stop:
                    if not stack:
                        raise
                    raise JSONDecodeError("Expecting value", s, stop.value) from None
            # A value is complete: it goes into the containers it completes.
            while stack:
                is_object, items, key = top = stack[-1]
                items.append((key, value) if is_object else value)
                i = _skip_whitespace(s, i)
                c = s[i:i + 1]
                if c == ("}" if is_object else "]"):
                    stack.pop()
                    value = self.finish_object(items) if is_object else items
                    i += 1
                    continue
                if c != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i = _skip_whitespace(s, i + 1)
                if is_object:
                    top[2], i = self.key(s, i)
                break
            else:
                return value, i

    def key(self, s, i):
        # The key at i and where its value starts.
        if s[i:i + 1] != '"':
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
        key, i = scanstring(s, i + 1, self.strict)
        i = _skip_whitespace(s, i)
        if s[i:i + 1] != ":":
            raise JSONDecodeError("Expecting ':' delimiter", s, i)
        return key, _skip_whitespace(s, i + 1)

    def scalar(self, s, i):
        # (value, end) of the string, constant or number at i, or StopIteration(i).
        c = s[i:i + 1]
        if c == '"':
            return scanstring(s, i + 1, self.strict)
        if c == "n" and s.startswith("null", i):
            return None, i + 4
        if c == "t" and s.startswith("true", i):
            return True, i + 4
        if c == "f" and s.startswith("false", i):
            return False, i + 5
        number = self.number(s, i)
        if number is not None:
            return number
        for name in ("NaN", "Infinity", "-Infinity"):
            if s.startswith(name, i):
                return self.parse_constant(name), i + len(name)
        raise StopIteration(i)

    def number(self, s, i):
        n = len(s)
        j = i + 1 if s[i:i + 1] == "-" else i
        if j < n and s[j] == "0":
            j += 1
        elif j < n and "1" <= s[j] <= "9":
            while j < n and s[j] in _DIGITS:
                j += 1
        else:
            return None
        integer_end = j
        if j + 1 < n and s[j] == "." and s[j + 1] in _DIGITS:
            j += 2
            while j < n and s[j] in _DIGITS:
                j += 1
        if j < n and s[j] in "eE":
            k = j + 1
            if k < n and s[k] in "+-":
                k += 1
            if k < n and s[k] in _DIGITS:
                while k < n and s[k] in _DIGITS:
                    k += 1
                j = k
        if j == integer_end:
            return self.parse_int(s[i:j]), j
        return self.parse_float(s[i:j]), j

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj


def _constant(name):
    return _CONSTANTS[name]


class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Scanner(self).value(s, idx)
        except StopIteration as stop:
            raise JSONDecodeError("Expecting value", s, stop.value) from None
