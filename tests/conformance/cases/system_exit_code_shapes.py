# SystemExit.code for no, one, several and assigned arguments; an int too big for a C long exits 255
import sys

for args in [(), (None,), (0,), (3,), ("text",), (1, 2)]:
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(repr(args), "->", repr(e.code), e.args)

e = SystemExit(7)
e.code = "changed"
print(e.code, e.args)

try:
    sys.exit(True)
except SystemExit as caught:
    print("sys.exit(True):", caught.code)

sys.exit(2 ** 70)
