# X | Y of types makes a union (types.UnionType): flattened, without
# repeats, None for NoneType; isinstance/issubclass take it like a tuple;
# unions compare equal regardless of order; annotations may use them.
import collections

Maybe = int | None
print(Maybe, type(Maybe).__name__, type(Maybe).__module__, Maybe.__args__, Maybe.__parameters__)
print(int | str | int, (int | str) | (float | int), int | int, None | str, type(None) | int)
print(str | collections.OrderedDict, list | dict | None)
print(isinstance(3, int | str), isinstance(None, Maybe), isinstance(2.5, Maybe), isinstance("s", (float, str | bytes)))
print(issubclass(bool, int | str), issubclass(float, Maybe))
print(int | str == str | int, int | str == int | float, (int | None) == Maybe, Maybe != int)


class Point:
    x: int | None = None
    tag: "str | None"


print(Point.__annotations__)


def area(size: int | float = 1) -> float | None:
    return None


print(area.__annotations__)
for bad in [lambda: int | 3, lambda: 3 | int, lambda: None | None, lambda: int | "str"]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    isinstance(1, int | 3)
except TypeError as e:
    print("TypeError:", e)
