# Function objects carry what decorators and functools.wraps rewrite: any
# attribute, __dict__, __doc__/__name__/__qualname__/__module__, defaults,
# annotations, and a __code__ with its co_* fields.
def greet(name, punctuation="!", *rest, loud=False, **options):
    """Say hello."""
    return f"hello {name}{punctuation}"


print(greet.__name__, greet.__qualname__, greet.__module__, greet.__doc__)
print(greet.__defaults__, greet.__kwdefaults__, greet.__dict__)
greet.calls = 0
greet.calls += 1
print(greet.calls, greet.__dict__, hasattr(greet, "calls"), getattr(greet, "missing", "none"))
del greet.calls
print(greet.__dict__)
try:
    del greet.calls
except AttributeError as e:
    print("AttributeError:", e)
try:
    greet.nothing
except AttributeError as e:
    print("AttributeError:", e)


def wrapper(*args, **kwargs):
    return greet(*args, **kwargs)


for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
    setattr(wrapper, attr, getattr(greet, attr))
wrapper.__dict__.update(greet.__dict__)
wrapper.__wrapped__ = greet
print(wrapper.__name__, wrapper.__qualname__, wrapper.__doc__, wrapper.__wrapped__ is greet)
print(wrapper("ada"), wrapper.__wrapped__("bob", "?"))
wrapper.__module__ = None
wrapper.__doc__ = None
print(wrapper.__module__, wrapper.__doc__)
for bad in ("__name__", "__qualname__"):
    try:
        setattr(wrapper, bad, 3)
    except TypeError as e:
        print("TypeError:", e)
try:
    wrapper.__defaults__ = [1]
except TypeError as e:
    print("TypeError:", e)
try:
    wrapper.__kwdefaults__ = 1
except TypeError as e:
    print("TypeError:", e)
try:
    wrapper.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)


def pair(a, b=2, c=3):
    return a, b, c


pair.__defaults__ = (20, 30)
print(pair(1), pair.__defaults__)
pair.__defaults__ = None
try:
    pair(1)
except TypeError as e:
    print("TypeError:", e)


def opts(*, x=1, y):
    return x, y


opts.__kwdefaults__ = {"x": 5, "y": 6}
print(opts(), opts.__kwdefaults__)


async def fetch(a, b, *, c):
    await fetch(1, 2, c=3)


def gen(x):
    total = 0
    yield x + total


def outer():
    captured = 1

    def inner(v):
        return v + captured

    return inner


for f in (greet, fetch, gen, outer, outer(), lambda q, *r: q):
    code = f.__code__
    print(code.co_name, code.co_qualname, code.co_flags, code.co_argcount,
          code.co_kwonlyargcount, code.co_posonlyargcount, code.co_varnames, code.co_freevars)
print(type(greet.__code__).__name__, outer().__closure__ is not None, greet.__closure__)
