def f():
    return

def g():
    return 1, 2

def h():
    return *a, b

def i():
    return (a, b)

def j():
    return a if b else c

def k():
    return lambda: 1
