# ExceptionGroup/BaseExceptionGroup: exceptions, message, split and subgroup by type, tuple or predicate, derive, nesting, notes and chaining carried over
leaf_a = ValueError("a")
leaf_b = TypeError("b")
leaf_c = ValueError("c")
inner = ExceptionGroup("inner", [leaf_b, leaf_c])
outer = ExceptionGroup("outer", [leaf_a, inner])
outer.add_note("from the nightly run")
outer.__cause__ = OSError("disk")

print(outer.message, outer.exceptions)
print(repr(outer), str(outer))

values, rest = outer.split(ValueError)
print("split values:", repr(values), "rest:", repr(rest))
print("parts keep notes and cause:", values.__notes__, repr(values.__cause__), rest.__notes__)
print("the leaves are the same objects:", values.exceptions[0] is leaf_a, rest.exceptions[0].exceptions[0] is leaf_b)
print("own notes lists:", values.__notes__ is outer.__notes__)

print("split by tuple:", outer.split((TypeError, KeyError)))
print("split by predicate:", outer.split(lambda e: str(e) in ("a", "b")))
print("the whole group matches itself:", outer.subgroup(ExceptionGroup) is outer)
print("predicate sees groups too:", outer.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
print("no match:", outer.subgroup(KeyError), outer.split(KeyError)[0], outer.split(KeyError)[1] is outer)

derived = outer.derive([KeyError("k")])
print("derive:", repr(derived), derived.__cause__, hasattr(derived, "__notes__"))

mixed = BaseExceptionGroup("mixed", [SystemExit(3), ValueError("v")])
print(type(mixed).__name__, type(BaseExceptionGroup("plain", [ValueError()])).__name__)
exits, others = mixed.split(SystemExit)
print(type(exits).__name__, repr(exits), type(others).__name__, repr(others))

for bad in [("msg", []), ("msg", [1]), (1, [ValueError()]), ("msg",)]:
    try:
        ExceptionGroup(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("eg", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    outer.split(42)
except TypeError as e:
    print(e)
print(isinstance(outer, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))


class Batch(ExceptionGroup):
    """A group that keeps its batch number in its parts (its own derive)."""

    def __new__(cls, message, excs, batch_id=0):
        self = super().__new__(cls, message, excs)
        self.batch_id = batch_id
        return self

    def __init__(self, message, excs, batch_id=0):
        super().__init__(message, excs)

    def derive(self, excs):
        return Batch(self.message, excs, self.batch_id)


batch = Batch("jobs", [ValueError(1), TypeError(2)], 7)
taken, left = batch.split(ValueError)
print(type(taken).__name__, taken.batch_id, repr(left))
try:
    raise batch
except* TypeError as t:
    print("except* parts are Batches:", type(t).__name__, t.batch_id)
except* ValueError as v:
    print("except* parts are Batches:", type(v).__name__, v.batch_id)


class Plain(ExceptionGroup):
    pass


print(repr(Plain("p", [ValueError(1), TypeError(2)]).split(ValueError)))
print(repr(Plain("p", (ValueError(1),)).derive((KeyError(2),))))
