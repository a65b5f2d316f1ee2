# `from m import *` in a class body is a SyntaxError, as in a function: only a module's body may star-import
print('never printed')


class Constants:
    from math import *
