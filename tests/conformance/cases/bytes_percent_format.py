# printf-style formatting of bytes: %s/%b take bytes or __bytes__, %r/%a are ascii(), %c takes a byte or an int below 256, numbers as for str, bytes keys for %(name)s, and CPython's errors.
class Raw:
    def __bytes__(self):
        return b"RAW"


class Header(bytes):
    pass


cases = [
    ("text", lambda: b"%s" % "x"),
    ("int for %s", lambda: b"%s" % 5),
    ("bytes", lambda: b"[%s] [%b]" % (b"abc", Header(b"hdr"))),
    ("__bytes__", lambda: b"%s and %b" % (Raw(), Raw())),
    ("width and precision", lambda: b"%5.2s|%-4b|" % (b"abc", b"x")),
    ("repr and ascii", lambda: b"%r|%a|%r" % ("\xe9", b"q", [1, "two"])),
    ("chars", lambda: b"%c%c%c" % (65, b"z", 255)),
    ("char too big", lambda: b"%c" % 300),
    ("char negative", lambda: b"%c" % -1),
    ("two bytes for %c", lambda: b"%c" % b"ab"),
    ("str for %c", lambda: b"%c" % "a"),
    ("numbers", lambda: b"%x %o %e %.3f %5d %%" % (255, 8, 1.5, 2 / 3, 42)),
    ("flags", lambda: b"%08.3f|%+d|%#x|%-6s|" % (3.14159, 7, 255, b"ab")),
    ("star width", lambda: b"%*d|%.*f" % (5, 1, 2, 3.14159)),
    ("mapping", lambda: b"%(a)s %(b)d" % {b"a": b"A", b"b": 2}),
    ("str key", lambda: b"%(k)s" % {"k": b"v"}),
    ("raw bytes", lambda: b"%s" % (b"\x00\xff",)),
    ("too few", lambda: b"%d %d" % (1,)),
    ("too many", lambda: b"%d" % (1, 2)),
    ("no conversion, an int", lambda: b"abc" % 5),
    ("no conversion, empty", lambda: (b"abc" % (), b"abc" % {})),
    ("bad conversion", lambda: b"%y" % 1),
    ("str for %d", lambda: b"%d" % "x"),
    ("method", lambda: bytes.__mod__(b"<%d>", 3)),
]
for label, make in cases:
    try:
        print(f"{label}: {make()!r}")
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
