# one gc.collect() finds cycles held through an exception's class, a class annotation, a locals() snapshot that holds itself and a frame that keeps its own traceback
import gc
import sys

gc.disable()
gc.collect()


def traceback_kept_in_its_frame():
    try:
        int("x")
    except ValueError as e:
        tb = e.__traceback__
        print("  ", type(tb).__name__, tb.tb_frame.f_code.co_name)


traceback_kept_in_its_frame()
print("frame keeping its traceback:", gc.collect(), gc.collect())


def exception_of_a_local_class():
    class Failure(Exception):
        def __init__(self, why):
            super().__init__(why)

    try:
        raise Failure("why")
    except Failure:
        kind, error = sys.exc_info()[:2]
        print("  ", kind.__name__, error)


exception_of_a_local_class()
print("exception of a local class:", gc.collect(), gc.collect())


def annotated_with_a_local_class():
    class Kind:
        pass

    class Shape:
        kind: Kind

    print("  ", Shape.__annotations__["kind"].__name__)


annotated_with_a_local_class()
print("class annotated with a local class:", gc.collect(), gc.collect())


def locals_snapshot():
    snapshot = locals()
    snapshot["itself"] = snapshot
    print("  ", sorted(snapshot))


locals_snapshot()
print("locals() holding itself:", gc.collect(), gc.collect())

