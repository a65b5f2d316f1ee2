# the private attributes of asyncio queues that tutorials print: _queue (a deque, or the list of a LIFO/priority heap), _getters/_putters, _finished, _unfinished_tasks, _maxsize
import asyncio

async def consumer(q, name):
    item = await q.get()
    print(f"{name} got {item!r}, waiting getters now {len(q._getters)}")
    q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q._queue, q._getters, q._putters, q._maxsize, q._unfinished_tasks)
    consumers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    await asyncio.sleep(0)
    print("getters waiting:", len(q._getters), type(q._getters).__name__)
    await q.put("a")
    await q.put("b")
    await asyncio.gather(*consumers)
    for x in "xyz"[:2]:
        q.put_nowait(x)
    blocked = asyncio.create_task(q.put("z"))
    await asyncio.sleep(0)
    print(q._queue, len(q._putters), q._unfinished_tasks, q.full())
    print(q.get_nowait(), q._queue)
    await blocked
    print(q._queue, list(q._queue), q._putters)
    lifo = asyncio.LifoQueue()
    for i in range(3):
        lifo.put_nowait(i)
    print(lifo._queue, type(lifo._queue).__name__)
    pq = asyncio.PriorityQueue()
    for item in [(5, "e"), (1, "a"), (3, "c"), (2, "b")]:
        pq.put_nowait(item)
    print(pq._queue)
    print(pq.get_nowait(), pq._queue)
    print(q._finished.is_set(), type(q._finished).__name__)

asyncio.run(main())
