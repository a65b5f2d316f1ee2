# CPython's messages for the mistakes classes invite: missing attributes,
# wrong arguments to __init__ and methods, calling an instance, abstract
# misuse of super(), __init__ returning a value, properties without setter.
import asyncio

class Empty:
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


class Bad:
    def __init__(self):
        return 42


class RO:
    @property
    def value(self):
        return 1


def attempt(label, action):
    try:
        action()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


attempt("no args", lambda: Empty(1))
attempt("missing", lambda: Point(1))
attempt("too many", lambda: Point(1, 2, 3))
attempt("keyword", lambda: Point(1, z=2))
attempt("method", lambda: Point(1, 2).move())
attempt("unbound", lambda: Point.move(1))
attempt("attribute", lambda: Point(1, 2).z)
attempt("class attribute", lambda: Point.z)
attempt("call instance", lambda: Point(1, 2)())
attempt("init returns", lambda: Bad())
attempt("read-only", lambda: setattr(RO(), "value", 2))
attempt("delete missing", lambda: delattr(Empty(), "nope"))
attempt("not iterable", lambda: list(Empty()))
attempt("no len", lambda: len(Empty()))
attempt("not subscriptable", lambda: Empty()[0])
attempt("no item assignment", lambda: Empty().__setitem__)
attempt("compare", lambda: Empty() < Empty())
attempt("add", lambda: Empty() + 1)
attempt("negate", lambda: -Empty())


async def wait_for_empty():
    await Empty()


attempt("not awaitable", lambda: asyncio.run(wait_for_empty()))


def deep():
    p = Point(1, 2)
    return p.move(None)


deep()
