# gc.collect() frees exceptions kept in cycles (their __dict__, the frame a traceback keeps after `except E as e: saved = e`, chained exceptions) and tuples
import gc
import weakref

gc.disable()
gc.collect()


class Resource:
    def __init__(self, name):
        weakref.finalize(self, print, "  freed", name)


def tuple_and_list():
    items = [Resource("in tuple")]
    pair = (items, 1)
    items.append(pair)


def exception_with_itself():
    e = ValueError("x")
    e.me = e
    e.res = Resource("in __dict__")


def saved_in_frame():
    res = Resource("local of the frame")
    try:
        raise ValueError("y")
    except ValueError as e:
        saved = e


def raised_deeper():
    def inner(res):
        raise KeyError(1)
    try:
        inner(Resource("argument of inner"))
    except KeyError as e:
        saved = e


def chained():
    res = Resource("beside a context")
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise KeyError(2)
    except KeyError as e:
        saved = e


def traceback_dropped():
    res = Resource("traceback dropped")
    try:
        raise ValueError("z")
    except ValueError as e:
        e.__traceback__ = None
        saved = e


def saved_in_closure():
    res = Resource("closure")
    try:
        raise ValueError()
    except ValueError as e:
        saved = e

    def show():
        return saved
    return None


for make in [tuple_and_list, exception_with_itself, saved_in_frame, raised_deeper, chained,
             traceback_dropped, saved_in_closure]:
    make()
    print(make.__name__, "returned")
    print(make.__name__, gc.collect())

errors = []
for i in range(3):
    try:
        {}["missing"]
    except KeyError as e:
        errors.append(e)
print("module-level errors kept", gc.collect(), len(errors))
