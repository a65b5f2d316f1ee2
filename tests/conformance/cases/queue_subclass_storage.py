# a Queue subclass keeping its items itself through _init/_put/_get (as PriorityQueue does), with super() calls, blocking gets and puts, and reprs of derived queues and locks
import asyncio
import collections


class DedupQueue(asyncio.Queue):
    def _init(self, maxsize):
        print("  _init", maxsize)
        self._queue = collections.OrderedDict()

    def _put(self, item):
        self._queue[item] = None

    def _get(self):
        item, _ = self._queue.popitem(last=False)
        return item


class LoggingQueue(asyncio.Queue):
    def _put(self, item):
        print("  _put", item)
        super()._put(item)

    def _get(self):
        item = super()._get()
        print("  _get", item)
        return item


class Stack(asyncio.LifoQueue):
    def _get(self):
        return super()._get() * 10


class Heap(asyncio.PriorityQueue):
    def _put(self, item):
        super()._put((-item, item))

    def _get(self):
        return super()._get()[1]


class Plain(asyncio.Queue):
    pass


class MyLock(asyncio.Lock):
    pass


async def main():
    q = DedupQueue(4)
    for x in "abacb":
        q.put_nowait(x)
    print(q.qsize(), list(q._queue), q.empty(), q.full(), str(q))
    print([q.get_nowait() for _ in range(q.qsize())], q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    lq = LoggingQueue(maxsize=1)
    print(type(lq._queue).__name__, lq.maxsize)

    async def producer():
        for i in range(3):
            await lq.put(i)
            print("put done", i)

    async def consumer():
        for _ in range(3):
            await asyncio.sleep(0.1)
            print("got", await lq.get())

    await asyncio.gather(producer(), consumer())
    print(lq, lq.empty())

    s = Stack()
    for i in range(1, 4):
        s.put_nowait(i)
    print(s, s._queue)
    print([s.get_nowait() for _ in range(3)])

    h = Heap()
    waiter = asyncio.create_task(h.get())
    await asyncio.sleep(0)
    for v in [2, 9, 4]:
        h.put_nowait(v)
    print(await waiter, h.get_nowait(), h._queue, h.qsize())

    p = Plain()
    p.put_nowait("x")
    print(p, repr(p) == repr(p), str(p))
    lock = MyLock()
    async with lock:
        print(repr(lock).split(" object at ")[0], repr(lock).split("[")[1])


asyncio.run(main())
