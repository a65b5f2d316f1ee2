# Exceptions raised in worker threads: a to_thread call's traceback names the coroutine and the function, a plain Thread's goes to threading's excepthook, an executor future's exception() and result()
import asyncio
import concurrent.futures
import threading
import time


def parse(text):
    time.sleep(0.1)
    return int(text)


def crash():
    time.sleep(0.2)
    raise KeyError("missing")


async def main():
    print(await asyncio.to_thread(parse, "12"))
    t = threading.Thread(target=crash, name="crasher")
    t.start()
    await asyncio.sleep(0.5)
    print("thread alive:", t.is_alive())
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        fut = pool.submit(parse, "x")
        await asyncio.sleep(0.2)
        print(fut.done(), repr(fut.exception()))
    await asyncio.to_thread(parse, "not a number")


asyncio.run(main())
