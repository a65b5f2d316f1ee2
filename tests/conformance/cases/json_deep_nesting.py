# json.loads and json.dumps on deep nesting: as deep as CPython's C scanner and encoder go (one level of the recursion limit each, less the caller's frames), RecursionError with their wording past it; nested documents, hooks, default(), indent and errors inside the nesting.
import json


def deep_list(n):
    a = []
    for _ in range(n):
        a = [a]
    return a


def deep_dict(n):
    d = {}
    for _ in range(n):
        d = {"k": d}
    return d


def attempt(what, f):
    try:
        result = f()
        print(what, "ok", len(result) if isinstance(result, str) else type(result).__name__)
    except RecursionError as error:
        print(what, "RecursionError", error)


for n in (990, 992, 993, 994, 5000):
    attempt(f"loads array {n}", lambda: json.loads("[" * n + "]" * n))
    attempt(f"loads object {n}", lambda: json.loads('{"a":' * n + "1" + "}" * n))
    attempt(f"loads bytes {n}", lambda: json.loads(("[" * n + "]" * n).encode()))
for n in (992, 993, 5000):
    attempt(f"dumps list {n}", lambda: json.dumps(deep_list(n)))
    attempt(f"dumps dict {n}", lambda: json.dumps(deep_dict(n)))
    attempt(f"dumps indent {n}", lambda: json.dumps(deep_list(n), indent=1))
    attempt(f"dumps sort_keys {n}", lambda: json.dumps(deep_dict(n), sort_keys=True))


def nested(k, f):
    return f() if k == 0 else nested(k - 1, f)


for n in (890, 891, 892):
    attempt(f"nested loads {n}", lambda: nested(100, lambda: json.loads("[" * n + "]" * n)))
    attempt(f"nested dumps {n}", lambda: nested(100, lambda: json.dumps(deep_list(n))))

doc = '{"a": [1, {"b": [true, null, {"c": "x\\u00e9"}], "d": {}}, []], "e": {"f": [[[2.5e3]]]}}'
value = json.loads(doc)
print(value)
print(json.dumps(value))
print(json.dumps(value, indent=2, sort_keys=True))
print(list(json.JSONEncoder(indent=1).iterencode(value)))
print(json.loads(doc, object_hook=lambda d: sorted(d)))
print(json.loads(doc, object_pairs_hook=lambda pairs: [k for k, _ in pairs]))
print(json.dumps((1, (2, [3, (4,)])), separators=(",", ":")))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps({"p": [Point(1, Point(2, 3))]}, default=lambda o: {"x": o.x, "y": o.y}, indent=2))
for bad in ["[1,]", '{"a":1,}', '{"a" 1}', "[1 2]", "{1:2}", '[{"a": [1, {"b": ]}]', "[[[", '{"a": [}', '[1, {"b": 2}, ', "[[] []]", '{"a": {"b": 1} "c": 2}']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as error:
        print(repr(bad), error)
inner = []
outer = {"x": [1, inner]}
inner.append(outer)
for target in (outer, inner):
    try:
        json.dumps(target)
    except ValueError as error:
        print("ValueError", error)
shared = [1]
print(json.dumps([shared, shared, {"s": shared}]))
