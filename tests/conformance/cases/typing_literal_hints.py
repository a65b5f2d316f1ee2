# get_type_hints keeps a Literal's strings as values (they are not forward references), evaluates the strings elsewhere
import typing
from typing import Literal, List, get_type_hints, Annotated
L = Literal["ok", "no"]
print(L.__origin__ is Literal, L.__args__)
def g(x: List["int"], y: "Literal['a']", z: Annotated[int, "m"]) -> Literal["ok"]: ...
print(get_type_hints(g))
print(get_type_hints(g, include_extras=True)["z"])
