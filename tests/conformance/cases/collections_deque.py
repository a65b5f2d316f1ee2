# collections.deque: a bounded history of readings fed by tasks, both ends,
# rotate/insert/index/count, reprs with maxlen, and deque's own errors.
import asyncio
from collections import deque


async def sensor(name, history, period):
    for i in range(4):
        await asyncio.sleep(period)
        history.append(f"{name}{i}")
        print(f"{asyncio.get_running_loop().time():.1f}", list(history))


async def main():
    history = deque(maxlen=3)
    await asyncio.gather(sensor("a", history, 0.5), sensor("b", history, 0.7))
    print(repr(history), history.maxlen, len(history))

    d = deque("xyz")
    d.appendleft("w")
    d.extend([1, 2])
    d.extendleft("ab")
    print(d, d[0], d[-1], d.popleft(), d.pop())
    d.rotate(2)
    print(d)
    d.rotate(-3)
    print(d, d.index("y"), d.count("x"), "z" in d, 9 in d)
    d.insert(1, "ins")
    d.remove("w")
    d.reverse()
    print(d, list(reversed(d)), bool(deque()), deque() == deque([]))
    d[0] = "first"
    del d[1]
    print(d, d == deque(d), d != deque([1]), deque([1, 2]) < deque([1, 3]))
    print(deque([1]) + deque([2]), deque([1, 2]) * 2, 2 * deque([0]), deque(range(5), maxlen=2))
    full = deque([1, 2, 3], 2)
    full += [4]
    print(full, full.copy(), deque([[1], "s"]), deque(), deque(maxlen=0))
    nested = deque([1])
    nested.append(nested)
    print(nested)

    class Window(deque):
        pass

    print(Window([1, 2], 5), Window("ab").copy())

    attempts = [
        lambda: deque().pop(),
        lambda: deque().popleft(),
        lambda: deque([1])[3],
        lambda: deque([1]).remove(7),
        lambda: deque([1]).index(7),
        lambda: deque([1], maxlen=1).insert(0, 2),
        lambda: deque(maxlen=-2),
        lambda: deque(maxlen=1.5),
        lambda: deque([1]) + [2],
        lambda: deque([1])["0"],
        lambda: deque([1])[0:1],
        lambda: deque([1]) * "2",
        lambda: setattr(history, "maxlen", 5),
        lambda: deque(5),
    ]
    for attempt in attempts:
        try:
            print("no error:", attempt())
        except Exception as exc:
            print(type(exc).__name__, exc)

    growing = deque([1, 2])
    try:
        for item in growing:
            growing.append(item)
    except RuntimeError as exc:
        print("RuntimeError", exc, len(growing))


asyncio.run(main())
