# PriorityQueue of dataclasses: the most urgent job is taken first, whatever the order it came in
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    seconds: float = field(default=1.0, compare=False)


async def worker(name, queue):
    while True:
        job = await queue.get()
        print(f"{name} takes {job.name} (priority {job.priority})")
        await asyncio.sleep(job.seconds)
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for job in [Job(3, "backup"), Job(1, "payment", 0.5), Job(2, "email"), Job(1, "login", 0.25)]:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in (1, 2)]
    await queue.join()  # wait until every job has been marked done
    for task in workers:
        task.cancel()
    print("queue empty:", queue.empty())


asyncio.run(main())
