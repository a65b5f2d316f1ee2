# TypedDict classes: __required_keys__/__optional_keys__/__total__/__annotations__ through inheritance, total=False, Required/NotRequired (also inside Annotated), the functional form, and calling one gives a plain dict
from typing import TypedDict
class Movie(TypedDict, total=False):
    title: str
    year: int
class Rated(Movie):
    rating: float
class Point(TypedDict):
    x: int
    y: int
P2 = TypedDict("P2", {"a": int, "b": str})
P3 = TypedDict("P3", {"a": int}, total=False)
for t in (Movie, Rated, Point, P2, P3):
    print(t.__name__, sorted(t.__required_keys__), sorted(t.__optional_keys__), t.__total__, t.__annotations__)
m: Movie = {"title": "x"}
p = Point(x=1, y=2)
print(m, p, type(p).__name__, isinstance(p, dict), Rated.__mro__[-2:])
from typing import Required, NotRequired, Annotated
class Opt(TypedDict, total=False):
    name: Required[str]
    tag: str
    note: Annotated[NotRequired[str], "meta"]
class Strict(TypedDict):
    id: int
    extra: NotRequired[list]
print(sorted(Opt.__required_keys__), sorted(Opt.__optional_keys__), sorted(Strict.__required_keys__), sorted(Strict.__optional_keys__))
