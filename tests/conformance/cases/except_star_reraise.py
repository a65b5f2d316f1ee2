# except*: what the clauses raise joins what they re-raise and what no clause took, and an uncaught group prints boxed
def fail():
    raise ExceptionGroup("jobs", [ValueError("bad value"), TypeError("bad type"), KeyError("missing")])


def clause_raises():
    try:
        fail()
    except* ValueError:
        raise RuntimeError("while handling values")
    except* TypeError:
        raise


try:
    clause_raises()
except ExceptionGroup as eg:
    print(repr(eg))
    new, kept = eg.exceptions
    print("new one's context:", repr(new.__context__))
    print("kept part:", repr(kept))

try:
    try:
        raise ValueError("alone")
    except* ValueError:
        raise KeyError("replacement")
except KeyError as e:
    print("naked replaced:", repr(e), "context:", repr(e.__context__))

whole = ExceptionGroup("all", [ValueError(1), ValueError(2)])
try:
    try:
        raise whole
    except* ValueError as same:
        print("the clause gets the group itself:", same is whole)
        raise
except ExceptionGroup as again:
    print("re-raised whole:", repr(again), "a copy:", again is not whole)

try:
    try:
        raise ExceptionGroup("two", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise OSError("first")
    except* TypeError:
        raise OSError("second")
except ExceptionGroup as eg:
    print("two raised:", repr(eg))


def handler_fails():
    try:
        fail()
    except* ValueError:
        print("values handled")
    except* KeyError as missing:
        raise LookupError("could not recover") from missing.exceptions[0]


handler_fails()
