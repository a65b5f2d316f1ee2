# dict.__getitem__ asks a subclass's __missing__ however it is reached: d[k], d.__getitem__(k), dict.__getitem__(d, k).
class Defaulting(dict):
    def __missing__(self, key):
        return f"<{key}>"


class Logged(Defaulting):
    def __getitem__(self, key):
        value = super().__getitem__(key)
        print("looked up", key, "->", value)
        return value


d = Defaulting(a=1)
print(d["a"], d["b"], d.__getitem__("c"), dict.__getitem__(d, "e"), d.get("f"), "f" in d)
getter = d.__getitem__
print(getter("g"), list(map(d.__getitem__, ["a", "h"])))
log = Logged(x=10)
print(log["x"], log["y"], log.__getitem__("z"))
plain = {}
try:
    plain.__getitem__("k")
except KeyError as e:
    print("KeyError", e)
try:
    dict.__getitem__(Logged(), [1])
except TypeError as e:
    print("TypeError", e)
print(Defaulting.__new__ is dict.__new__, Logged.__new__ is dict.__new__, object.__new__ is object.__new__)
