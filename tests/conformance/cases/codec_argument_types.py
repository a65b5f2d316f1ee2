# str(), bytes(), bytearray(), encode() and decode() name the argument and the type when encoding or errors is not a str
for f in (lambda: str(b"a", 1), lambda: str(b"a", "utf-8", 2), lambda: bytes("a", None), lambda: bytearray("a", "utf-8", 3),
          lambda: "a".encode(5), lambda: b"a".decode("utf-8", None), lambda: str(b"\xff", errors="replace"), lambda: bytes("é", "ascii", "ignore")):
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)
