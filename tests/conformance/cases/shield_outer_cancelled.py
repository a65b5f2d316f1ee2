# shield: cancelling the waiter does not cancel the shielded task, which finishes on its own
import asyncio


async def important():
    await asyncio.sleep(2)
    print("important work finished")
    return "saved"


async def waiter(task):
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        print("waiter cancelled, task cancelled?", task.cancelled())
        raise


async def main():
    task = asyncio.create_task(important())
    waiting = asyncio.create_task(waiter(task))
    await asyncio.sleep(1)
    waiting.cancel()
    await asyncio.sleep(0)
    print("waiter cancelled?", waiting.cancelled())
    print("result:", await task)


asyncio.run(main())
