# except*: what a clause may name (exception classes, not groups), checked when the clause is reached
attempts = [
    ("a group class", ExceptionGroup),
    ("a tuple with a group class", (ValueError, BaseExceptionGroup)),
    ("not a class", 42),
    ("a class that is not an exception", str),
]
for label, what in attempts:
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* what:
            print("never")
    except TypeError as e:
        print(label, "->", e)
        print("   context:", repr(e.__context__))

try:
    raise ValueError("no clause reached")
except* ValueError:
    print("first clause takes it")
except* 42:
    print("never: a clause's class is checked even when nothing is left")
