# `type` aliases are Python 3.12: invalid syntax in 3.11
type Point = tuple[float, float]
