# User exception classes: fields, str(e) from args, __str__ overrides,
# repr, hierarchies caught by base class, raise from, and add_note.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(f"{key!r} not found in {where}")
        self.key = key
        self.where = where


class Retry(AppError):
    def __init__(self, attempts):
        self.attempts = attempts

    def __str__(self):
        return f"gave up after {self.attempts} attempts"


class Plain(ValueError):
    """No __init__ of its own."""


for exc in (NotFound("k1"), Retry(3), Plain("bad", 2), AppError(), NotFound("k2", where="cache")):
    print(type(exc).__name__, repr(exc), str(exc), exc.args)

try:
    raise NotFound("user")
except AppError as e:
    print("caught", type(e).__name__, e.key, e.where, isinstance(e, Exception))

try:
    raise Retry(5)
except Retry as e:
    print(f"{e} / {e!r} / {e.attempts}")

try:
    try:
        raise Plain("inner")
    except ValueError as e:
        raise AppError("outer") from e
except AppError as e:
    print("cause:", repr(e.__cause__), "context is cause:", e.__context__ is e.__cause__)

e = NotFound("x")
e.add_note("a note")
e.extra = 1
print(e.__notes__, e.extra, sorted(vars(e)))
print(issubclass(NotFound, LookupError), issubclass(NotFound, AppError), NotFound.__mro__[1].__name__)


class MultiError(KeyError, IndexError):
    pass


try:
    raise MultiError("both")
except IndexError as e:
    print("MultiError caught as IndexError:", e)


def fail():
    raise Retry(2)


fail()
