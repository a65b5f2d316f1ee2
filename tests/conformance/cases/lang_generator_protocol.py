# generator protocol: send/throw/close, GeneratorExit, yield from results, StopIteration values, unpacking errors, exception groups split
def t(f):
    try:
        print(repr(f()))
    except BaseException as e:
        print(type(e).__name__ + ":", e)

def g1():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except ValueError as e:
        print("caught", repr(e))
        yield 99
    finally:
        print("cleanup")

g = g1()
t(lambda: g.send(5))
t(lambda: next(g))
t(lambda: g.send(7))
t(lambda: g.throw(ValueError))
t(lambda: g.throw(ValueError("boom")))
t(lambda: g.close())
t(lambda: next(g))

g = g1()
t(lambda: g.close())
t(lambda: next(g))
g = g1()
next(g)
t(lambda: g.throw(TypeError, "msg"))
t(lambda: next(g))

def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")


def ret():
    yield 1
    return "done"
r = ret()
next(r)
t(lambda: r.send(None))
t(lambda: r.throw(1))
print(r.__name__, r.__qualname__, r.gi_running, r.gi_suspended)

def inner():
    print((yield 1))
    print((yield 2))
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
o = outer()
print(next(o), o.send("a"), o.send("b"))
t(lambda: next(o))
print(list(x * 2 for x in range(3)))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
gen = (i for i in range(2))
print(gen.__next__(), next(gen), next(gen, None))
def raiser():
    raise StopIteration
    yield
t(lambda: next(raiser()))
def counting():
    for i in range(3):
        yield i
print(sum(counting()), max(counting()), sorted(counting(), reverse=True))
a, *b = counting()
print(a, b)
t(lambda: [x for x, y in [(1, 2, 3)]])
def unpack2():
    a, b = counting()
t(unpack2)
def unpack4():
    a, b, c, d = counting()
t(unpack4)
def unpack_int():
    a, b = 1
t(unpack_int)
e = ValueError("a", 1)
print(e, repr(e), e.args)
print(repr(StopIteration(5).value), StopIteration().value)
try:
    raise KeyError("x") from ValueError("y")
except KeyError as k:
    print(repr(k.__cause__), k.__suppress_context__, k.__context__)
eg = ExceptionGroup("grp", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3)])])
print(eg.exceptions, eg.message)
m, rest = eg.split(ValueError)
print(repr(m), repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
e = ValueError("n")
e.add_note("note 1")
print(e.__notes__)
