import asyncio
import random


async def worker(name, queue, results):
    """Take jobs from the queue until it is empty."""
    while not queue.empty():
        job = await queue.get()
        delay = random.random() / 10
        await asyncio.sleep(delay)
        results.append((name, job, round(delay, 3)))
        queue.task_done()
    return f"{name} done"


async def main(count: int = 3) -> None:
    queue = asyncio.Queue()
    for job in range(10):
        queue.put_nowait(job)
    results = []
    tasks = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(count)]
    try:
        done = await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
    except asyncio.TimeoutError:
        print("timed out")
    else:
        print(*done, sep="\n")
    finally:
        by_worker = {}
        for name, job, _ in results:
            by_worker.setdefault(name, []).append(job)
        print({k: len(v) for k, v in sorted(by_worker.items())})


if __name__ == "__main__":
    asyncio.run(main())
