# a subclass of SystemExit ends the program like SystemExit: its code is the status, no traceback
import sys


class Quit(SystemExit):
    pass


def check(value):
    if value > 2:
        raise Quit(4)
    print("ok", value)


for n in range(5):
    check(n)
print("unreachable", file=sys.stderr)
