# closures, nonlocal, lambdas, default arguments, *args and **kwargs
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment


counter = make_counter(10)
print(counter(), counter(5), counter())


def describe(first, *rest, sep=", ", **options):
    text = sep.join([first, *rest])
    return f"{text} {sorted(options.items())}"


print(describe("a", "b", "c"))
print(describe("x", sep="-", colour="red", size=3))
args = ("p", "q")
kwargs = {"sep": "+", "mode": "fast"}
print(describe(*args, **kwargs))
adders = [lambda x, n=n: x + n for n in range(3)]
print([add(10) for add in adders])
late = [lambda: n for n in range(3)]
print([f() for f in late])
compose = lambda f, g: lambda x: f(g(x))
print(compose(str.upper, lambda s: s + "!")("hi"))
