# dataclasses: fields with defaults and default_factory, repr/eq, order,
# __post_init__ with an InitVar, KW_ONLY and kw_only=True, init=False and
# repr=False fields, asdict/astuple/fields/replace, the generated __doc__,
# and the messages of the generated __init__.
import asyncio
from dataclasses import KW_ONLY, InitVar, asdict, astuple, dataclass, field, fields, replace


@dataclass
class Job:
    name: str
    duration: float = 0.1
    tags: list = field(default_factory=list)
    attempts: int = field(default=0, repr=False)


@dataclass(order=True)
class Priority:
    level: int
    label: str = field(compare=False, default="")


@dataclass
class Report:
    job: Job
    finished_at: float
    _: KW_ONLY
    worker: str
    scale: InitVar[int] = 1
    cost: float = field(init=False, default=0.0)

    def __post_init__(self, scale):
        self.cost = self.finished_at * scale


@dataclass(kw_only=True)
class Settings:
    workers: int
    verbose: bool = False


async def run(job, worker):
    job.attempts += 1
    await asyncio.sleep(job.duration)
    job.tags.append("done")
    return Report(job, asyncio.get_running_loop().time(), worker=worker, scale=10)


async def main():
    jobs = [Job("parse", 0.3), Job("fetch", tags=["net"]), Job("store", duration=0.2)]
    reports = await asyncio.gather(*(run(job, f"w{i}") for i, job in enumerate(jobs)))
    for report in reports:
        print(report)
    print(asdict(reports[1]))
    print(astuple(jobs[0]), [f.name for f in fields(Report)], [f.name for f in fields(jobs[0])])
    print(jobs[0] == Job("parse", 0.3, ["done"]), jobs[0] == Job("parse", 0.3), Job("a") != Job("b"))
    print(jobs[0].tags is not jobs[2].tags, Job.__hash__, Job.__match_args__, Report.__match_args__)
    print(replace(jobs[1], name="refetch"), replace(reports[0], worker="w9"))
    print(sorted([Priority(3, "low"), Priority(1, "high"), Priority(2)]))
    print(Priority(1, "x") == Priority(1, "y"), Priority(1) < Priority(2), Priority(2) >= Priority(2))
    print(Settings(workers=4), Settings(workers=1, verbose=True))
    print(Job.__doc__)
    print(Report.__doc__)
    print(Settings.__doc__, Job.__init__.__qualname__, Job.__repr__.__qualname__)

    attempts = [
        lambda: Job(),
        lambda: Job("a", 1, [], 0, 5),
        lambda: Job("a", size=3),
        lambda: Job("a", name="b"),
        lambda: Report(jobs[0], 1.0),
        lambda: Settings(3),
        lambda: Settings(),
        lambda: Priority(1) < 2,
        lambda: replace(jobs[0], unknown=1),
        lambda: replace(reports[0], cost=2.0),
        lambda: asdict(jobs),
        lambda: fields(3),
    ]
    for attempt in attempts:
        try:
            print("no error:", attempt())
        except Exception as exc:
            print(type(exc).__name__, exc)


asyncio.run(main())
