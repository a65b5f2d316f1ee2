# A library class marked with _loopscope.c_type is named in messages as
# CPython names the C type it stands for ('datetime.timedelta'), while its
# __name__ stays 'timedelta'. Under CPython the real C type answers.
try:
    from _loopscope import c_type
except ImportError:
    from datetime import timedelta
else:
    @c_type
    class timedelta:
        __module__ = "datetime"

        def __init__(self, days=0):
            self.days = days

        def __repr__(self):
            return f"datetime.timedelta(days={self.days})"


class Later(timedelta):
    pass


span = timedelta(days=1)
print(repr(span), timedelta.__name__, timedelta.__qualname__, timedelta.__module__, timedelta)
for attempt in (lambda: span + "x", lambda: span < "x", lambda: len(span), lambda: span[0],
                lambda: iter(span), lambda: span.missing, lambda: -span if False else span @ span,
                lambda: Later(days=2) + "y", lambda: Later(days=2).missing):
    try:
        attempt()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
