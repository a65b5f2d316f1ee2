# list[int] and the other subscripted built-in classes are generic aliases
# (types.GenericAlias): their repr, __origin__/__args__, calling them,
# equality, unions with them, and the errors of isinstance and of
# subscripting a class that is not generic.
import asyncio

print(list[int], dict[str, list["Node"]], tuple[int, ...], tuple[()], type[int], set[int | None])
print(asyncio.Future[int], asyncio.Queue[str], enumerate[str], list[asyncio.Task])
alias = dict[str, int]
print(alias.__origin__, alias.__args__, alias.__parameters__, type(alias), type(alias).__name__)
print(alias(a=1), list[int]("ab"), list[int] == list[int], list[int] == list[str], list[int] != dict[str, int])
print(list[int] | None, int | list[str], (list[int] | None).__args__)


class Stack(list[int]):
    pass


print(Stack.__bases__, Stack([1, 2]), Stack.__orig_bases__)


class Boxed(list):
    pass


print(Boxed[str], list[int].append, alias.fromkeys("ab", 0))
for attempt in [lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
                lambda: int[0], lambda: Stack[int] and object[int]]:
    try:
        print(attempt())
    except TypeError as e:
        print("TypeError:", e)


class Point:
    coords: list[float]
    tags: dict[str, set[str]] | None = None


print(Point.__annotations__)
