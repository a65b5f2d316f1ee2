# wait() defaults to ALL_COMPLETED and returns (done, pending) sets
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay * 10


async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.3, 0.1, 0.2)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))
    print(sorted(task.result() for task in done))
    print("results in creation order:", [task.result() for task in tasks])


asyncio.run(main())
