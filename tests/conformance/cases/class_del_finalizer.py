# __del__ runs when an instance dies (a del, a frame or task ending, a list emptied, a reference cycle collected), and only once
import asyncio
import gc


class Resource:
    def __init__(self, name):
        self.name = name
        print(f"acquire {name}")

    def __del__(self):
        print(f"release {self.name}")


class Phoenix(Resource):
    survivors = []

    def __del__(self):
        print(f"phoenix {self.name} rises")
        Phoenix.survivors.append(self)


async def use(name, delay):
    r = Resource(name)
    await asyncio.sleep(delay)
    print(f"used {r.name}")


async def main():
    await use("a", 0.1)
    print("after a")
    await asyncio.gather(use("b", 0.2), use("c", 0.1))
    print("after gather")
    await asyncio.create_task(use("d", 0.1))
    print("after task")
    r = Resource("e")
    del r
    print("after del")
    x, y = Resource("x"), Resource("y")
    x.peer, y.peer = y, x
    del x, y
    print("cycle dropped")
    print("collected something:", gc.collect() > 0)
    Phoenix("p")
    print("survivors:", [p.name for p in Phoenix.survivors])
    Phoenix.survivors.clear()
    print("cleared, no second call")
    items = [Resource(f"item{i}") for i in range(3)]
    items.pop(1)
    print("popped")
    items = None
    print("end of main")


asyncio.run(main())
print("done")
