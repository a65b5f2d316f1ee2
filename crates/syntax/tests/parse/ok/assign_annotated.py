x: int
y: int = 5
z: list[int] = []
obj.attr: str = "a"
items[0]: float
(w): int = 1
t: tuple = 1, 2
