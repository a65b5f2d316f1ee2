def f():
    pass

def g(a, b, c=1, *args, d, e=2, **kwargs):
    return a

def h(a, b, /, c, *, d):
    pass

def i(a=1, /, b=2, *, c):
    pass

def j(*, key):
    pass

def k(a: int, b: str = "x", *args: int, **kw: float) -> bool:
    return True

def l(self, /):
    pass

def m(
    a,
    b,
):
    pass

def n(**kwargs): pass
