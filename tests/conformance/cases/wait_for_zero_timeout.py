# wait_for with timeout=0 or less times out unless the awaitable is already done
import asyncio


async def instant():
    return "instant"


async def main():
    try:
        await asyncio.wait_for(instant(), timeout=0)
    except TimeoutError:
        print("timeout=0 on a coroutine: TimeoutError")
    done = asyncio.get_running_loop().create_future()
    done.set_result("ready")
    print("timeout=0 on a finished future:", await asyncio.wait_for(done, timeout=0))
    task = asyncio.create_task(asyncio.sleep(1, result="sleeper"))
    try:
        await asyncio.wait_for(task, timeout=-1)
    except TimeoutError:
        print("negative timeout: task cancelled?", task.cancelled())


asyncio.run(main())
