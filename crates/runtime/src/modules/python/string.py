# Loopscope's string: the character-class constants, capwords(),
# Template ($-substitution, scanned by hand where CPython uses a regular
# expression: `$$`, `$name`, `${name}`, names of ASCII letters, digits and
# underscores) and Formatter (CPython's, over Python ports of the _string
# module's formatter_parser and formatter_field_name_split).

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

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


_sentinel_dict = {}


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
        # As string.Template: keywords come first, then the mapping, which is only
        # indexed (a mapping need not support `in` or iteration).
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        out = []
        done = 0
        for start, end, kind, name in self._placeholders():
            out.append(self.template[done:start])
            if kind == "escaped":
                out.append(self.delimiter)
            elif kind == "named" and safe:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(self.template[start:end])
            elif kind == "named":
                out.append(str(mapping[name]))
            elif safe:
                out.append(self.delimiter)
            else:
                self._invalid(end)
            done = end
        out.append(self.template[done:])
        return "".join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        return all(kind != "invalid" for _, _, kind, _ in self._placeholders())

    def get_identifiers(self):
        ids = []
        for _, _, kind, name in self._placeholders():
            if kind == "named" and name not in ids:
                ids.append(name)
        return ids


def _parse_field(text, i):
    # parse_field() of unicode_format.h: TEXT[i:] follows a '{'. Returns
    # (field_name, format_spec, conversion, index after the field).
    start = i
    c = ''
    while i < len(text):
        c = text[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < len(text) and text[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    field_name = text[start:i - 1]
    if c not in '!:':
        if c != '}':
            raise ValueError("expected '}' before end of string")
        return field_name, '', None, i
    conversion = None
    if c == '!':
        if i >= len(text):
            raise ValueError("end of string while looking for conversion specifier")
        conversion = text[i]
        i += 1
        if i < len(text):
            c = text[i]
            i += 1
            if c == '}':
                return field_name, '', conversion, i
            if c != ':':
                raise ValueError("expected ':' after conversion specifier")
    spec_start = i
    count = 1
    while i < len(text):
        c = text[i]
        i += 1
        if c == '{':
            count += 1
        elif c == '}':
            count -= 1
            if count == 0:
                return field_name, text[spec_start:i - 1], conversion, i
    raise ValueError("unmatched '{' in format spec")


def _formatter_parser(text):
    # _string.formatter_parser: (literal, field_name, format_spec, conversion)
    # tuples, MarkupIterator_next's.
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    items = []
    i = 0
    while i < len(text):
        start = i
        c = ''
        markup = False
        while i < len(text):
            c = text[i]
            i += 1
            if c in '{}':
                markup = True
                break
        at_end = i >= len(text)
        end = i
        if c == '}' and markup and (at_end or text[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup:
            raise ValueError("Single '{' encountered in format string")
        if markup and not at_end:
            if text[i] == c:
                i += 1
                markup = False
            else:
                end -= 1
        if not markup:
            items.append((text[start:end], None, None, None))
            continue
        field_name, spec, conversion, i = _parse_field(text, i)
        items.append((text[start:end], field_name, spec, conversion))
    return iter(items)


def _field_key(text):
    return int(text) if text.isdigit() and text.isascii() else text


def _formatter_field_name_split(field_name):
    # _string.formatter_field_name_split: the first name (an int when it is
    # digits) and an iterator of (is_attribute, key) for what follows, which
    # finds the errors as it goes.
    i = 0
    while i < len(field_name) and field_name[i] not in '.[':
        i += 1
    return _field_key(field_name[:i]), _field_name_rest(field_name, i)


def _field_name_rest(field_name, i):
    while i < len(field_name):
        c = field_name[i]
        i += 1
        if c == '.':
            start = i
            while i < len(field_name) and field_name[i] not in '.[':
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            yield True, field_name[start:i]
        elif c == '[':
            start = i
            while i < len(field_name) and field_name[i] != ']':
                i += 1
            if i >= len(field_name):
                raise ValueError("Missing ']' in format string")
            i += 1
            yield False, _field_key(field_name[start:i - 1])
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):

            # output the literal text
            if literal_text:
                result.append(literal_text)

            # if there's a field, output it
            if field_name is not None:
                # this is some markup, find the object and do
                #  the formatting

                # handle arg indexing when empty field_names are given.
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    # disable auto arg incrementing, if it gets
                    # used later on, then an exception will be raised
                    auto_arg_index = False

                # given the field_name, find the object it references
                #  and the argument it came from
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)

                # do any conversion on the resulting object
                obj = self.convert_field(obj, conversion)

                # expand the format spec, if needed
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth-1,
                    auto_arg_index=auto_arg_index)

                # format the object and append to the result
                result.append(self.format_field(obj, format_spec))

        return ''.join(result), auto_arg_index


    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]


    def check_unused_args(self, used_args, args, kwargs):
        pass


    def format_field(self, value, format_spec):
        return format(value, format_spec)


    def convert_field(self, value, conversion):
        # do any conversion on the resulting object
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))


    # returns an iterable that contains tuples of the form:
    # (literal_text, field_name, format_spec, conversion)
    # literal_text can be zero length
    # field_name can be None, in which case there's no
    #  object to format and output
    # if field_name is not None, it is looked up, formatted
    #  with format_spec and conversion and then used
    def parse(self, format_string):
        return _formatter_parser(format_string)


    # given a field_name, find the object it references.
    #  field_name:   the field being looked up, e.g. "0.name"
    #                 or "lookup[3]"
    #  used_args:    a set of which args have been used
    #  args, kwargs: as passed in to vformat
    def get_field(self, field_name, args, kwargs):
        first, rest = _formatter_field_name_split(field_name)

        obj = self.get_value(first, args, kwargs)

        # loop through the rest of the field_name, doing
        #  getattr or getitem as needed
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]

        return obj, first
