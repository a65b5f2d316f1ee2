# Subclasses of built-in types: dict (with __missing__ and overridden
# __setitem__), list, str, int, and their methods, operators and reprs.
class Registry(dict):
    def __missing__(self, key):
        return f"<no {key}>"

    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


r = Registry()
r["Alpha"] = 1
r.update(beta=2)
print(r, r["alpha"], r["gamma"], len(r), "alpha" in r, r.get("zzz"), isinstance(r, dict))
print(sorted(r.keys()), list(r.items()), type(r).__name__, dict(r))


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), s.pop(), s, sum(s), s[0], s[1:], s + [9], isinstance(s, list))
for x in s:
    print("item", x)
print(Stack(), bool(Stack()), bool(s), s == [1, 2, 3], sorted(Stack([3, 1, 2])))


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("ada")
print(n, repr(n), n.shout(), len(n), n + "x", n == "ada", n.title(), f"[{n}]", f"{n:>5}")
print({n: 1}["ada"], "d" in n, n[0], type(n.upper()).__name__)


class Meters(int):
    def __repr__(self):
        return f"{int(self)}m"


m = Meters(5)
print(m, repr(m), m + 2, m * m, m > 3, f"{m:03d}", isinstance(m, int), [m])


class Counter(dict):
    def __init__(self, items):
        super().__init__()
        for item in items:
            self[item] = self.get(item, 0) + 1


print(Counter("abracadabra"))
