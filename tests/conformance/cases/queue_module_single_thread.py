# the thread-safe queue module used by the one thread: FIFO, LIFO, priority and simple queues, Full/Empty when a put or get gives up, task_done's count
import queue

q = queue.Queue(maxsize=2)
q.put("a")
q.put("b")
print(q.qsize(), q.full(), q.empty(), q.maxsize, q.unfinished_tasks)
for attempt in (lambda: q.put("c", block=False), lambda: q.put_nowait("c")):
    try:
        attempt()
    except queue.Full as e:
        print("Full", repr(e))
print(q.get(), q.get_nowait(), q.empty())
try:
    q.get(block=False)
except queue.Empty as e:
    print("Empty", type(e).__module__)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
q.task_done()
q.task_done()
q.join()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

lifo = queue.LifoQueue()
prio = queue.PriorityQueue()
for n in (3, 1, 2):
    lifo.put(n)
    prio.put((n, f"job{n}"))
print([lifo.get() for _ in range(3)], [prio.get() for _ in range(3)])
simple = queue.SimpleQueue()
simple.put("x")
print(simple.qsize(), simple.get(), simple.empty(), type(simple).__name__)
print(queue.Queue[int], issubclass(queue.LifoQueue, queue.Queue))
