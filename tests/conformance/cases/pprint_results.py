# pprint of gathered results: pprint/pformat with width, indent, depth, sort_dicts, PrettyPrinter, dataclasses and enums, saferepr/isreadable.
import asyncio
import enum
import pprint
from dataclasses import dataclass
from pprint import pprint, pformat


async def collect(i):
    await asyncio.sleep(0.1 * i)
    return {"id": i, "tags": [f"t{j}" for j in range(i)], "meta": {"ok": True, "score": i * 1.5}}


async def main():
    data = await asyncio.gather(*(collect(i) for i in range(5)))
    pprint(data)
    pprint({"short": 1})
    print(pformat(list(range(30))))
    pprint(data, width=40)
    pprint({"b": 2, "a": 1, "c": [1, 2, (3, 4)]}, sort_dicts=False)
    pprint(data[3], indent=2)
    nested = {"level1": {"level2": {"level3": {"level4": list(range(10))}}}}
    pprint(nested, depth=2)
    pprint(("a" * 30, "b" * 30, "c" * 30))

class State(enum.Enum):
    IDLE = "idle"
    BUSY = "busy"


@dataclass
class Node:
    name: str
    state: State
    load: float


async def poll2(i):
    await asyncio.sleep(0.2 * i)
    return Node(f"n{i}", State.BUSY if i % 2 else State.IDLE, i / 3)


async def main2():
    nodes = await asyncio.gather(*(poll2(i) for i in range(4)))
    pprint.pprint(nodes)
    summary = {n.name: {"state": n.state.value, "load": round(n.load, 2)} for n in nodes}
    pprint.pprint(summary, width=50)
    pp = pprint.PrettyPrinter(indent=4, width=30)
    pp.pprint(summary)
    print(pprint.isreadable([1, 2]), pprint.saferepr({"a": [1]}))

asyncio.run(main())
asyncio.run(main2())
