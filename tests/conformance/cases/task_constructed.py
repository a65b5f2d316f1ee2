# asyncio.Task(coro) made directly, and all_tasks(loop) of a loop that is not running
import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n * 10


async def main():
    direct = asyncio.Task(job(1), name="direct")
    print(direct.get_name(), await direct, direct.done())
    try:
        asyncio.Task(42)
    except TypeError as e:
        print(e)
    print(len(asyncio.all_tasks()))


asyncio.run(main())

loop = asyncio.new_event_loop()
first = loop.create_task(job(2), name="first")
second = asyncio.Task(job(3), loop=loop, name="second")
print(sorted(t.get_name() for t in asyncio.all_tasks(loop)))
print(loop.run_until_complete(first))
print(sorted(t.get_name() for t in asyncio.all_tasks(loop)), loop.time())
print(loop.run_until_complete(second), asyncio.all_tasks(loop))
loop.close()
try:
    asyncio.all_tasks()
except RuntimeError as e:
    print(e)
