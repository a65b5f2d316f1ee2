raise
raise ValueError
raise ValueError("bad")
raise RuntimeError("x") from err
raise TypeError from None
assert x
assert x, "message"
assert isinstance(x, int), f"got {x!r}"
