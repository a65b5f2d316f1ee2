# a coroutine handed to an asyncio call that fails lives as long as the exception's traceback (the call's frame holds it): "never awaited" comes when the handler ends, or at shutdown (sys:1) when a failed task's cycle holds it
import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def main():
    try:
        await asyncio.gather([job(1), job(2)])
    except TypeError as e:
        print("gather:", e)
        print("handler still running")
    tg = asyncio.TaskGroup()
    try:
        tg.create_task(job(3))
    except RuntimeError as e:
        print("TaskGroup:", e)
    try:
        await asyncio.wait([job(4)])
    except TypeError as e:
        print("wait:", e)
    print("main done")

asyncio.run(main())
loop = asyncio.new_event_loop()
loop.close()
try:
    loop.create_task(job(6))
except RuntimeError as e:
    print("closed loop:", e)
loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(asyncio.wait([job(5)]))
except TypeError as e:
    print("run_until_complete:", e)
loop.close()
print("the end")
