# cpython-differs: CPython counts this range in UTF-8 bytes, one caret too many
x = b"café"
