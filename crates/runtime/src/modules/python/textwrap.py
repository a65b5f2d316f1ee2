# Loopscope's textwrap: wrap(), fill(), shorten(), dedent() and indent(),
# breaking text where CPython 3.11's TextWrapper does (its word-splitting
# rules are re-implemented here without regular expressions).

__all__ = ["wrap", "fill", "dedent", "indent", "shorten"]

_WHITESPACE = "\t\n\x0b\x0c\r "
_WORD_PUNCT = "!\"'&.,?"

_DEFAULTS = {
    "width": 70,
    "initial_indent": "",
    "subsequent_indent": "",
    "expand_tabs": True,
    "replace_whitespace": True,
    "fix_sentence_endings": False,
    "break_long_words": True,
    "drop_whitespace": True,
    "break_on_hyphens": True,
    "tabsize": 8,
    "max_lines": None,
    "placeholder": " [...]",
}


def _options(width, keywords):
    options = dict(_DEFAULTS)
    options["width"] = width
    for name, value in keywords.items():
        if name not in options:
            raise TypeError(
                f"TextWrapper.__init__() got an unexpected keyword argument '{name}'")
        options[name] = value
    return options


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return _is_word(c) and not c.isdecimal()


def _at(text, i):
    return text[i] if 0 <= i < len(text) else ""


def _dashes_then_word(text, i):
    # `-{2,}\w` at i.
    j = i
    while _at(text, j) == "-":
        j += 1
    return j - i >= 2 and _is_word(_at(text, j))


def _word_end(text, start):
    # The end of the word chunk starting at `start`: the shortest run of
    # non-whitespace after which a hyphen breaks, whitespace or the end
    # follows, or an em-dash begins.
    end = start + 1
    while True:
        nxt = _at(text, end)
        if nxt == "" or nxt in _WHITESPACE:
            return end
        if nxt == "-":
            two_letters = _is_letter(_at(text, end - 2)) and _is_letter(_at(text, end - 1))
            letter_dash_letter = (_is_letter(_at(text, end - 3)) and _at(text, end - 2) == "-"
                                  and _is_letter(_at(text, end - 1)))
            after = end + 1
            if _at(text, after + 1) == "-":
                letters_follow = _is_letter(_at(text, after)) and _is_letter(_at(text, after + 2))
            else:
                letters_follow = _is_letter(_at(text, after)) and _is_letter(_at(text, after + 1))
            if (two_letters or letter_dash_letter) and letters_follow:
                return end + 1
        if _at(text, end - 1) in _WORD_PUNCT or _is_word(_at(text, end - 1)):
            if _at(text, end - 1) != "" and _dashes_then_word(text, end):
                return end
        end += 1


def _chunks(text, break_on_hyphens):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in _WHITESPACE:
            j = i
            while j < n and text[j] in _WHITESPACE:
                j += 1
        elif not break_on_hyphens:
            j = i
            while j < n and text[j] not in _WHITESPACE:
                j += 1
        elif (c == "-" and i > 0 and (_is_word(text[i - 1]) or text[i - 1] in _WORD_PUNCT)
              and _dashes_then_word(text, i)):
            j = i
            while text[j] == "-":
                j += 1
        else:
            j = _word_end(text, i)
        chunks.append(text[i:j])
        i = j
    return chunks


def _munge_whitespace(text, options):
    if options["expand_tabs"]:
        text = text.expandtabs(options["tabsize"])
    if options["replace_whitespace"]:
        for c in _WHITESPACE:
            text = text.replace(c, " ")
    return text


def _ends_sentence(chunk):
    # `[a-z][.!?]["']?` at the end of the chunk.
    if chunk[-1:] in ("\"", "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


def _fix_sentence_endings(chunks):
    i = 0
    while i < len(chunks) - 1:
        if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
            chunks[i + 1] = "  "
            i += 2
        else:
            i += 1


def _break_long_word(options, pending, line, line_len, width):
    space_left = 1 if width < 1 else width - line_len
    if options["break_long_words"]:
        chunk = pending[-1]
        end = space_left
        if options["break_on_hyphens"] and len(chunk) > space_left:
            hyphen = chunk.rfind("-", 0, space_left)
            if hyphen > 0 and chunk[:hyphen].strip("-"):
                end = hyphen + 1
        line.append(chunk[:end])
        pending[-1] = chunk[end:]
    elif not line:
        line.append(pending.pop())


def _blank(chunk):
    return chunk.strip() == ""


def _wrap_lines(chunks, options):
    width_total = options["width"]
    if width_total <= 0:
        raise ValueError("invalid width %r (must be > 0)" % width_total)
    max_lines = options["max_lines"]
    placeholder = options["placeholder"]
    drop = options["drop_whitespace"]
    if max_lines is not None:
        first = options["subsequent_indent"] if max_lines > 1 else options["initial_indent"]
        if len(first) + len(placeholder.lstrip()) > width_total:
            raise ValueError("placeholder too large for max width")
    lines = []
    pending = chunks[::-1]
    while pending:
        indent = options["subsequent_indent"] if lines else options["initial_indent"]
        width = width_total - len(indent)
        if drop and lines and _blank(pending[-1]):
            pending.pop()
        line = []
        line_len = 0
        while pending and line_len + len(pending[-1]) <= width:
            line_len += len(pending[-1])
            line.append(pending.pop())
        if pending and len(pending[-1]) > width:
            _break_long_word(options, pending, line, line_len, width)
            line_len = sum(len(c) for c in line)
        if drop and line and _blank(line[-1]):
            line_len -= len(line[-1])
            line.pop()
        if not line:
            continue
        fits = (max_lines is None or len(lines) + 1 < max_lines
                or ((not pending or (drop and len(pending) == 1 and _blank(pending[0])))
                    and line_len <= width))
        if fits:
            lines.append(indent + "".join(line))
            continue
        # The last line allowed: end it with the placeholder.
        while line:
            if not _blank(line[-1]) and line_len + len(placeholder) <= width:
                lines.append(indent + "".join(line) + placeholder)
                return lines
            line_len -= len(line[-1])
            line.pop()
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(placeholder) <= width_total:
                lines[-1] = previous + placeholder
                return lines
        lines.append(indent + placeholder.lstrip())
        return lines
    return lines


def _wrap(text, options):
    chunks = _chunks(_munge_whitespace(text, options), options["break_on_hyphens"])
    if options["fix_sentence_endings"]:
        _fix_sentence_endings(chunks)
    return _wrap_lines(chunks, options)


def wrap(text, width=70, **kwargs):
    return _wrap(text, _options(width, kwargs))


def fill(text, width=70, **kwargs):
    return "\n".join(_wrap(text, _options(width, kwargs)))


def shorten(text, width, **kwargs):
    options = _options(width, kwargs)
    options["max_lines"] = 1
    return "\n".join(_wrap(" ".join(text.strip().split()), options))


def _blank_to_empty(line):
    # A line of spaces and tabs only becomes empty.
    return "" if line and not line.strip(" \t") else line


def _margin_of(line):
    # The leading spaces and tabs of a line with other text, else None.
    stripped = line.lstrip(" \t")
    if not stripped:
        return None
    return line[:len(line) - len(stripped)]


def dedent(text):
    lines = [_blank_to_empty(line) for line in text.split("\n")]
    margin = None
    for line in lines:
        indent = _margin_of(line)
        if indent is None:
            continue
        if margin is None or margin.startswith(indent):
            margin = indent
        elif not indent.startswith(margin):
            common = 0
            while common < min(len(margin), len(indent)) and margin[common] == indent[common]:
                common += 1
            margin = margin[:common]
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = str.strip
    return "".join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
