# Classes in asyncio programs: async methods, an async context manager
# class, custom awaitables (one whose __await__ yields from a Future, one
# delegating to a coroutine's __await__), and tasks made from methods.
import asyncio


class Connection:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        self.log.append(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        self.log.append(f"close {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return False

    async def query(self, q):
        await asyncio.sleep(0.2)
        return f"{self.name}:{q}"


class Signal:
    """Awaitable that completes when fire() is called."""

    def __init__(self):
        self.future = asyncio.get_running_loop().create_future()

    def fire(self, value):
        self.future.set_result(value)

    def __await__(self):
        result = yield from self.future
        return f"signal({result})"


class Delay:
    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        return self._run().__await__()

    async def _run(self):
        await asyncio.sleep(self.seconds)
        return self.value


class Worker:
    def __init__(self, name):
        self.name = name
        self.done = 0

    async def run(self, n):
        for _ in range(n):
            await asyncio.sleep(0.5)
            self.done += 1
        return self


async def main():
    log = []
    async with Connection("db", log) as conn:
        print(await conn.query("select 1"))
    try:
        async with Connection("cache", log):
            raise KeyError("lost")
    except KeyError:
        pass
    print(log)
    sig = Signal()
    asyncio.get_running_loop().call_later(1.5, sig.fire, 42)
    print(await sig, await Delay(0.25, "late"))
    workers = [Worker(f"w{i}") for i in range(3)]
    done = await asyncio.gather(*(w.run(i + 1) for i, w in enumerate(workers)))
    print([(w.name, w.done) for w in done])
    task = asyncio.create_task(Worker("solo").run(2), name="solo-task")
    print(task.get_name(), (await task).done)


asyncio.run(main())
