# json.dumps/dump: separators, indent (int, str, 0), sort_keys, ensure_ascii, default, cls, errors
import json
import sys

data = {"name": "Ada", "tags": ["x", "y"], "nested": {"z": 1, "a": [1.5, -0.0, 1e20, 1e-7, 3.0]},
        "none": None, "yes": True, "no": False, "empty": [], "obj": {}, "tuple": (1, 2), 10: "int key",
        2.5: "float key", None: "null key", False: "bool key", "uni": "café ☕ 😀 \x00\x1f\x7f", "esc": "\"\\\n\r\t\b\f/"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2))
print(json.dumps([1, [2, {"a": []}], {}], indent=0))
print(json.dumps({"b": 1, "a": [1, 2]}, indent="\t", sort_keys=True))
print(json.dumps({"b": 1, "a": 2}, separators=(",", ":"), sort_keys=True))
print(json.dumps([1, 2], indent=4, separators=(" ,", " : ")))
print(json.dumps("plain"), json.dumps(3), json.dumps(None), json.dumps(2.0), json.dumps(float("nan")), json.dumps([float("inf"), float("-inf")]))
print(json.dumps(12345678901234567890123), json.dumps(True), json.dumps([True, 1]))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps({"p": Point(1, 2)}, default=lambda o: o.__dict__))
print(json.dumps([Point(3, 4)], default=vars, indent=1))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(json.dumps({"pts": [Point(0, 1), Point(2, 3)]}, cls=PointEncoder))
print(PointEncoder(indent=2).encode([Point(5, 6)]), list(json.JSONEncoder().iterencode({"a": [1]})))
print(json.dumps({(1, 2): "tuple key", "ok": 1}, skipkeys=True))
json.dump({"to": "stdout", "n": [1, 2]}, sys.stdout, indent=2)
print()
for bad in [lambda: json.dumps({1, 2}), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(float("nan"), allow_nan=False),
            lambda: json.dumps({"p": Point(1, 2)}, cls=PointEncoder, default=None) if False else json.dumps(Point(1, 2)),
            lambda: json.dumps({"b": 1, 2: 3}, sort_keys=True)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loop = [1]
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
print(json.dumps(loop[:1] * 3), json.loads(json.dumps(data, sort_keys=False, default=str)) == json.loads(json.dumps(data)))
json.dumps(object())
