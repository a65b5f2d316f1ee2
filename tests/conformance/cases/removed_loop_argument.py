# the loop= argument removed in 3.10 is a TypeError naming each function or class, with the other argument errors of their signatures
import asyncio


async def job():
    return "job"


def attempt(label, make):
    try:
        made = make()
    except TypeError as e:
        print(f"{label}: TypeError: {e}")
    else:
        print(f"{label}: made {type(made).__name__}")
        if asyncio.iscoroutine(made):
            made.close()
        return made


async def main():
    loop = asyncio.get_running_loop()
    attempt("sleep loop", lambda: asyncio.sleep(1, loop=loop))
    attempt("sleep extra", lambda: asyncio.sleep(1, None, 2))
    attempt("sleep none", lambda: asyncio.sleep())
    attempt("sleep twice", lambda: asyncio.sleep(1, delay=2))
    attempt("sleep result", lambda: asyncio.sleep(delay=1, result="r"))
    attempt("Queue", lambda: asyncio.Queue(5, loop=loop))
    attempt("LifoQueue", lambda: asyncio.LifoQueue(loop=loop))
    attempt("PriorityQueue", lambda: asyncio.PriorityQueue(1, 2))
    attempt("Lock", lambda: asyncio.Lock(loop=loop))
    attempt("Lock extra", lambda: asyncio.Lock(None))
    attempt("Event", lambda: asyncio.Event(loop=loop))
    attempt("Semaphore", lambda: asyncio.Semaphore(3, loop=loop))
    attempt("BoundedSemaphore", lambda: asyncio.BoundedSemaphore(value=2, loop=loop))
    attempt("Condition", lambda: asyncio.Condition(None, loop))
    attempt("Future", lambda: asyncio.Future(loop))
    attempt("Future kw", lambda: asyncio.Future(when=1))
    attempt("Task none", lambda: asyncio.Task())
    attempt("Task extra", lambda: asyncio.Task(job(), loop))
    attempt("Task kw", lambda: asyncio.Task(job(), eager=True))
    attempt("create_task none", lambda: asyncio.create_task())
    task = attempt("create_task name", lambda: asyncio.create_task(job(), name="named"))
    print(task.get_name(), await task)
    t2 = attempt("Task loop", lambda: asyncio.Task(job(), loop=loop, name="by loop"))
    print(t2.get_name(), await t2)


asyncio.run(main())
