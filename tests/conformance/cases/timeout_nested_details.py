# nested timeouts with the same deadline, an outer one expiring first, and a timeout inside an aborted TaskGroup child
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    # both deadlines at the same time
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(5)
            except TimeoutError:
                print("inner timeout", inner.expired(), outer.expired())
            await asyncio.sleep(0)
            print("after inner", asyncio.current_task().cancelling())
    except TimeoutError:
        print("outer timeout", loop.time(), outer.expired())
    print("cancelling:", asyncio.current_task().cancelling())
    # outer expires first while inner still active
    try:
        async with asyncio.timeout(1) as outer:
            async with asyncio.timeout(2) as inner:
                await asyncio.sleep(5)
    except TimeoutError:
        print("outer first", loop.time(), outer.expired(), inner.expired())
    # timeout in child of a group aborted by sibling
    async def child():
        try:
            async with asyncio.timeout(5):
                await asyncio.sleep(10)
        except TimeoutError:
            print("child timeout?")
    async def failing():
        await asyncio.sleep(1)
        raise ValueError("x")
    try:
        async with asyncio.TaskGroup() as g:
            c = g.create_task(child())
            g.create_task(failing())
    except ExceptionGroup as e:
        print("group", e.exceptions, c.cancelled(), loop.time())
    # timeout expires while task is also explicitly cancelled by itself
    async def selfcancel():
        async with asyncio.timeout(1):
            await asyncio.sleep(1)
            asyncio.current_task().cancel()
            await asyncio.sleep(1)
    t = asyncio.create_task(selfcancel())
    try:
        await t
    except asyncio.CancelledError:
        print("selfcancel cancelled", loop.time())
    except TimeoutError:
        print("selfcancel timeout", loop.time())

asyncio.run(main())
