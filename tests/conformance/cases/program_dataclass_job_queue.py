# A job queue of dataclasses: ordered Job records in an asyncio.PriorityQueue,
# workers with an Enum state, frozen Result records, field defaults and
# factories, replace() for retries, and an asdict() summary at the end.
import asyncio
from dataclasses import asdict, dataclass, field, replace
from enum import Enum, auto


class State(Enum):
    QUEUED = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = auto()


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    cost: float = field(default=0.5, compare=False)
    attempts: int = field(default=0, compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)


@dataclass(frozen=True)
class Result:
    job: str
    worker: str
    finished_at: float
    state: State


async def worker(name, queue, results, states):
    while True:
        job = await queue.get()
        if job.name == "stop":
            queue.task_done()
            return
        states[job.name] = State.RUNNING
        await asyncio.sleep(job.cost)
        now = asyncio.get_running_loop().time()
        if "flaky" in job.tags and job.attempts == 0:
            print(f"{now:.2f} {name} failed {job}; retrying")
            await queue.put(replace(job, priority=job.priority + 10, attempts=job.attempts + 1))
            states[job.name] = State.QUEUED
        else:
            states[job.name] = State.DONE
            results.append(Result(job.name, name, now, State.DONE))
            print(f"{now:.2f} {name} finished {job}")
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    jobs = [Job(3, "thumbnails"), Job(1, "payments", 0.25), Job(2, "emails", 0.75, tags=["flaky"]),
            Job(1, "audit", 1.0), Job(5, "cleanup", 0.125)]
    states = {job.name: State.QUEUED for job in jobs}
    for job in jobs:
        await queue.put(job)
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, results, states)) for i in range(2)]
    await queue.join()
    for _ in workers:
        await queue.put(Job(100, "stop"))
    await asyncio.gather(*workers)
    print(states)
    for result in sorted(results, key=lambda r: r.finished_at):
        print(result)
    print(asdict(results[0]))
    print(sorted(jobs)[:2], Job(1, "a") == Job(1, "b"))
    try:
        results[0].worker = "someone else"
    except AttributeError as exc:
        print(type(exc).__name__, exc)


asyncio.run(main())
