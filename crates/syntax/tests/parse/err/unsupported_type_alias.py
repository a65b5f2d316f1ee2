# cpython-invalid: type aliases are Python 3.12
type Point = tuple[float, float]
