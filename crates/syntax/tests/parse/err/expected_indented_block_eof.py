# cpython-differs: running a file, CPython has no column at end of file and shows no caret
for x in y:
