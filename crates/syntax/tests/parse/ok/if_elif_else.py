if a:
    x = 1
elif b:
    x = 2
elif c:
    x = 3
else:
    x = 4

if a: x = 1
elif b: x = 2
else: x = 3

if x:
    if y:
        pass
    else:
        pass
