counter = 0

def bump():
    global counter
    counter += 1

def outer():
    x = 1
    def inner():
        nonlocal x
        x = 2
    global a, b
    return inner

del x
del a, b
del obj.attr, items[0], items[1:2]
del (c, d), [e]
del f,
