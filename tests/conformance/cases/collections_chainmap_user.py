# collections.ChainMap layered settings and the User* wrappers, as programs subclass them
import asyncio
from collections import ChainMap, UserDict, UserList, UserString

defaults = {"retries": 3, "timeout": 1.0, "name": "worker"}


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


class Stack(UserList):
    def push(self, item):
        self.append(item)


class Shout(UserString):
    def shout(self):
        return self.upper() + "!"


async def run(settings):
    await asyncio.sleep(settings["timeout"])
    return f"{settings['name']} done after {settings['timeout']}s with {settings['retries']} retries"


async def main():
    base = ChainMap(defaults)
    fast = base.new_child({"timeout": 0.1})
    named = fast.new_child(name="fetcher")
    print(await asyncio.gather(run(base), run(fast), run(named)))
    print(named, len(named), list(named), dict(named))
    print(named.parents, named.maps[0], "retries" in named, named.get("missing", "-"))
    named["retries"] = 5
    del named["retries"]
    try:
        del named["timeout"]
    except KeyError as e:
        print("KeyError:", e)
    print(named | {"extra": 1}, bool(ChainMap()), ChainMap.fromkeys("ab", 0))
    d = LowerDict({"A": 1})
    d["B"] = 2
    print(d, d.data, "a" in d, len(d), isinstance(d, dict))
    s = Stack([1])
    s.push(2)
    s += [3]
    print(s, s[1:], s * 2, type(s[1:]).__name__, s.pop(), s)
    w = Shout("hey")
    print(w.shout(), w + " you", w[::-1], repr(w), w.split("e"), len(w))


asyncio.run(main())
