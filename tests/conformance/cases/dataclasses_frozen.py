# Frozen dataclasses (FrozenInstanceError, hashing), unsafe_hash, eq=False,
# inheritance of fields, nested asdict, a recursive repr, and the errors of
# declaring a dataclass wrongly.
import asyncio
import dataclasses
from dataclasses import FrozenInstanceError, dataclass, field


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


@dataclass(frozen=True)
class Point3(Point):
    z: int = 0


@dataclass(unsafe_hash=True)
class Key:
    name: str
    version: int = field(default=1, hash=False)


@dataclass(eq=False)
class Handle:
    ident: int


@dataclass
class Tree:
    label: str
    children: list = field(default_factory=list)
    parent: object = field(default=None, repr=False)


async def main():
    origin = Point(0)
    seen = {origin: "origin", Point(1, 2): "a"}
    await asyncio.sleep(0.5)
    print(origin, Point3(1, 2, 3), seen[Point(1, 2)], hash(Point(1, 2)) == hash((1, 2)))
    print(Point3(1) == Point(1), Point(1) == Point(1), dataclasses.fields(Point3)[2].name)
    for action in (lambda: setattr(origin, "x", 5), lambda: delattr(origin, "y"),
                   lambda: setattr(origin, "extra", 1)):
        try:
            action()
        except FrozenInstanceError as exc:
            print("FrozenInstanceError", exc, isinstance(exc, AttributeError))
    print(hash(Key("a", 1)) == hash(Key("a", 2)), Key("a", 1) == Key("a", 2), len({Key("b"), Key("b")}))
    h = Handle(1)
    print(h == Handle(1), h == h, "__eq__" in Handle.__dict__)
    root = Tree("root")
    child = Tree("leaf", parent=root)
    root.children.append(child)
    print(root, dataclasses.asdict(Tree("a", [Tree("b")])))
    loop = Tree("loop")
    loop.children.append(loop)
    print(loop)
    print(dataclasses.is_dataclass(Point), dataclasses.is_dataclass(origin), dataclasses.is_dataclass(Point(1).x))
    print(dataclasses.MISSING is not None, Point.__dataclass_params__)

    def declare_non_default_after_default():
        @dataclass
        class Bad:
            a: int = 1
            b: int

    def declare_mutable_default():
        @dataclass
        class Bad:
            items: dict = {}

    def declare_both_defaults():
        return field(default=1, default_factory=list)

    def declare_order_without_eq():
        @dataclass(order=True, eq=False)
        class Bad:
            a: int

    def declare_thawed_child():
        @dataclass
        class Bad(Point):
            w: int = 0

    def declare_untyped_field():
        @dataclass
        class Bad:
            a = field(default=1)

    for declare in (declare_non_default_after_default, declare_mutable_default,
                    declare_both_defaults, declare_order_without_eq,
                    declare_thawed_child, declare_untyped_field):
        try:
            declare()
            print("declared", declare.__name__)
        except (TypeError, ValueError) as exc:
            print(type(exc).__name__, exc)


asyncio.run(main())
