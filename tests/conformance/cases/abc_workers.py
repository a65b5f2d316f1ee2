# abc.ABC with abstract methods and properties in async worker classes: the TypeError for each missing method, ABC instance checks.
import asyncio
from abc import ABC, abstractmethod


class Worker(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    async def work(self, n): ...

    @property
    @abstractmethod
    def kind(self): ...

    async def run(self, items):
        out = []
        for n in items:
            out.append(await self.work(n))
        return out


class Doubler(Worker):
    kind = "double"

    async def work(self, n):
        await asyncio.sleep(0.1)
        return n * 2


class Broken(Worker):
    async def work(self, n):
        return n


async def main():
    d = Doubler("d1")
    print(d.kind, await d.run([1, 2, 3]))
    try:
        Broken("b")
    except TypeError as e:
        print("TypeError:", e)
    try:
        Worker("w")
    except TypeError as e:
        print("TypeError:", e)
    print(isinstance(d, Worker), issubclass(Doubler, ABC))
    print(sorted(Worker.__abstractmethods__))

asyncio.run(main())
