# Loopscope's string: the character-class constants, capwords() and
# Template ($-substitution, scanned by hand where CPython uses a regular
# expression: `$$`, `$name`, `${name}`, names of ASCII letters, digits and
# underscores).

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


_ID_START = ascii_letters + "_"
_ID_CHARS = _ID_START + digits


class Template:
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        # (start, end, kind, name) of each delimiter: kind is "escaped",
        # "named" (also ${braced}) or "invalid" (then `end` is where the
        # placeholder was expected).
        text = self.template
        delim = self.delimiter
        i = text.find(delim)
        while i >= 0:
            j = i + len(delim)
            if text.startswith(delim, j):
                yield i, j + len(delim), "escaped", None
                i = text.find(delim, j + len(delim))
                continue
            k = j
            if k < len(text) and text[k] in _ID_START:
                while k < len(text) and text[k] in _ID_CHARS:
                    k += 1
                yield i, k, "named", text[j:k]
            elif k < len(text) and text[k] == "{":
                k += 1
                if k < len(text) and text[k] in _ID_START:
                    while k < len(text) and text[k] in _ID_CHARS:
                        k += 1
                if k > j + 1 and k < len(text) and text[k] == "}":
                    yield i, k + 1, "named", text[j + 1:k]
                    k += 1
                else:
                    yield i, j, "invalid", None
                    k = j
            else:
                yield i, j, "invalid", None
            i = text.find(delim, k)

    def _invalid(self, position):
        lines = self.template[:position].splitlines(keepends=True)
        if not lines:
            line, column = 1, 1
        else:
            line, column = len(lines), position - len("".join(lines[:-1]))
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (line, column))

    def _substitute(self, mapping, kws, safe):
        if kws:
            mapping = {**mapping, **kws} if mapping else kws
        out = []
        done = 0
        for start, end, kind, name in self._placeholders():
            out.append(self.template[done:start])
            if kind == "escaped":
                out.append(self.delimiter)
            elif kind == "named":
                if safe and name not in mapping:
                    out.append(self.template[start:end])
                else:
                    out.append(str(mapping[name]))
            elif safe:
                out.append(self.delimiter)
            else:
                self._invalid(end)
            done = end
        out.append(self.template[done:])
        return "".join(out)

    def substitute(self, mapping={}, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping={}, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        return all(kind != "invalid" for _, _, kind, _ in self._placeholders())

    def get_identifiers(self):
        ids = []
        for _, _, kind, name in self._placeholders():
            if kind == "named" and name not in ids:
                ids.append(name)
        return ids
