f()
f(1)
f(1, 2,)
f(a, *args)
f(*args, **kwargs)
f(key=1, other=2)
f(1, key=2, *rest, **extra)
f(*a, *b, c=1, **d, **e)
f(x := 10)
f(a)(b)(c)
obj.method(1).other()
print("hello", end="")
f(
    1,
    2,
)
