# An IndentationError from exec() ends the traceback with one caret, whatever its end_offset (CPython prints a range only for SyntaxError itself)
print('before')
exec("if True:\nprint(1)\n")
