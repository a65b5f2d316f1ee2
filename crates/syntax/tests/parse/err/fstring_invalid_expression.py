# cpython-differs: CPython 3.11 points into a copy of the expression, we point into the file
x = f"{a b}"
