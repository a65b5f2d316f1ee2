if 0 < x < 10:
    pass
if a is not None and b not in c:
    pass
if not a is b:
    pass
ok = 1 < 2 == 2 > 1
