# Classes derived from asyncio's queues and locks: __init__ through super(), overrides that asyncio's own methods call, async with on them
import asyncio


class TracingLock(asyncio.Lock):
    def __init__(self, name):
        super().__init__()
        self.name = name
        self.acquisitions = 0

    async def acquire(self):
        print(f"{self.name}: acquiring (locked={self.locked()})")
        result = await super().acquire()
        self.acquisitions += 1
        return result

    def release(self):
        print(f"{self.name}: releasing")
        super().release()


class Pool(asyncio.Semaphore):
    def __init__(self, size, label="pool"):
        super().__init__(size)
        self.label = label

    def __repr__(self):
        return f"Pool({self.label!r}, free={self._value})"


class Gate(asyncio.Event):
    def set(self):
        print("gate opening")
        super().set()


class Inbox(asyncio.PriorityQueue):
    def put_nowait(self, item):
        print("inbox <-", item)
        super().put_nowait(item)

    def get_nowait(self):
        item = super().get_nowait()
        print("inbox ->", item)
        return item


class Bounded(asyncio.BoundedSemaphore):
    pass


class Cond(asyncio.Condition):
    pass


async def worker(i, lock, pool, gate, inbox):
    await gate.wait()
    async with pool:
        print(f"worker {i} in {pool!r}")
        async with lock:
            await asyncio.sleep(0.1)
        await inbox.put((3 - i, f"job{i}"))


async def main():
    lock = TracingLock("L")
    pool = Pool(2, label="db")
    gate = Gate()
    inbox = Inbox(maxsize=2)
    print(pool, inbox.maxsize, isinstance(inbox, asyncio.Queue), isinstance(lock, asyncio.Lock))
    print(Inbox.__mro__[1].__name__, issubclass(Bounded, asyncio.Semaphore))
    workers = [asyncio.create_task(worker(i, lock, pool, gate, inbox)) for i in range(3)]
    await asyncio.sleep(0.05)
    gate.set()
    got = []
    for _ in range(3):
        got.append(await inbox.get())
    await asyncio.gather(*workers)
    print(got, lock.acquisitions, lock.locked(), gate.is_set(), inbox.qsize())
    b = Bounded(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("Bounded:", e)
    cond = Cond(lock=asyncio.Lock())
    async with cond:
        cond.notify_all()
        print("cond locked:", cond.locked())
    try:
        Pool(-1)
    except ValueError as e:
        print("Pool(-1):", e)
    print(lock.name, pool.label, lock.__dict__["acquisitions"])


asyncio.run(main())
