# except*: each clause takes its share of a group, in order; naked exceptions are wrapped; else/finally; the name is unbound after the clause
import sys


def fail(*errors):
    raise ExceptionGroup("batch", list(errors))


try:
    fail(ValueError("v1"), TypeError("t1"), ValueError("v2"), OSError("o1"))
except* ValueError as group:
    print("values:", repr(group), group.exceptions)
    print("handled now:", repr(sys.exc_info()[1]))
except* (TypeError, OSError) as group:
    print("type or os:", repr(group))
except* KeyError:
    print("never: nothing left")
finally:
    print("finally runs")

try:
    group
except NameError as e:
    print("unbound:", e)

try:
    raise ZeroDivisionError("naked")
except* ArithmeticError as wrapped:
    print("wrapped:", repr(wrapped), type(wrapped).__name__, repr(wrapped.message))
    print("inside is the original:", type(wrapped.exceptions[0]).__name__)

try:
    print("no exception")
except* ValueError:
    print("never")
else:
    print("else runs")

nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
try:
    try:
        raise nested
    except* ValueError as values:
        print("values keep the nesting:", repr(values))
except* TypeError as types:
    print("rest re-raised, then caught:", repr(types))

try:
    try:
        raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError("x")])
    except* KeyboardInterrupt as interrupts:
        print("interrupts:", type(interrupts).__name__, repr(interrupts))
except ExceptionGroup as rest:
    print("rest is an ExceptionGroup again:", repr(rest))

for attempt in range(3):
    try:
        if attempt == 1:
            raise ExceptionGroup("loop", [ValueError(attempt)])
        print("attempt", attempt, "fine")
    except* ValueError:
        for inner in range(5):
            if inner == 2:
                break
        print("attempt", attempt, "handled, inner loop broke at", inner)
