# asyncio's submodules are importable and hold the package's own objects
import asyncio
import asyncio.exceptions
import asyncio.queues as queues
from asyncio import tasks, locks
from asyncio.exceptions import CancelledError, InvalidStateError
from asyncio.futures import Future
from asyncio.events import get_running_loop

print(asyncio.exceptions.CancelledError is asyncio.CancelledError is CancelledError)
print(InvalidStateError is asyncio.InvalidStateError, asyncio.exceptions.TimeoutError is TimeoutError)
print(tasks.Task is asyncio.Task, tasks.gather is asyncio.gather, tasks.sleep is asyncio.sleep)
print(Future is asyncio.Future, locks.Lock is asyncio.Lock, locks.Semaphore is asyncio.Semaphore)
print(queues.Queue is asyncio.Queue, queues.QueueEmpty is asyncio.QueueEmpty)
print(asyncio.events.get_event_loop is asyncio.get_event_loop, asyncio.runners.run is asyncio.run)
print(asyncio.timeouts.timeout is asyncio.timeout, asyncio.taskgroups.TaskGroup is asyncio.TaskGroup)
print(asyncio.tasks.__name__, queues.__name__)


async def main():
    print(get_running_loop() is asyncio.get_running_loop())
    task = tasks.create_task(asyncio.sleep(1, "slept"))
    try:
        await tasks.wait_for(task, 0.5)
    except asyncio.exceptions.TimeoutError:
        print("timed out at", get_running_loop().time())
    q = queues.Queue()
    q.put_nowait(1)
    print(q.get_nowait())
    try:
        q.get_nowait()
    except queues.QueueEmpty:
        print("empty")


asyncio.run(main())
