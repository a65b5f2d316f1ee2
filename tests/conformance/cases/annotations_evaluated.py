# Annotations without the future import: module and class bodies fill
# __annotations__ in order (evaluating each annotation once, where it
# stands), functions keep theirs in CPython's order; non-simple targets.
def note(label, value):
    print("evaluating", label)
    return value

limit: note("limit", int) = 10
pending: note("pending", list)
print(__annotations__)
try:
    pending
except NameError as e:
    print(limit, "NameError:", e)


class Job:
    """A job with typed fields."""
    name: note("name", str)
    retries: int = 3
    if retries > 1:
        backoff: float = 0.5
    for _ in range(1):
        tags: "list[str]" = []
    try:
        owner: str = "me"
    except Exception:
        pass
    (priority): note("priority (not stored)", int) = 1


print(Job.__annotations__)
print(Job.retries, Job.backoff, Job.priority)
print(list(Job.__dict__)[:4])


class Child(Job):
    pass


class Empty:
    def method(self):
        hidden: int = 1
        return hidden


print(Child.__annotations__, Empty.__annotations__, Empty().method())
print("__annotations__" in Empty.__dict__)
print(Child().retries, Job().__annotations__ is Job.__annotations__)


def fetch(url: str, /, retries: int = 3, *extra: bytes, timeout: float, **opts: dict) -> "Response":
    return url


print(fetch.__annotations__)
print(fetch.__annotations__ is fetch.__annotations__)


def plain(a, b):
    return a


print(plain.__annotations__)
plain.__annotations__ = {"a": int}
print(plain.__annotations__)
try:
    plain.__annotations__ = 5
except TypeError as e:
    print("TypeError:", e)


class Box:
    def __init__(self):
        self.items = {}


box = Box()
box.size: note("box.size", int) = 7
box.items["k"]: note("subscript", str) = "v"
print(box.size, box.items)


def order(a: note("a", 1), b: note("b", 2) = note("default b", 0), *, c: note("c", 3)) -> note("return", 4):
    pass


print(order.__annotations__)
