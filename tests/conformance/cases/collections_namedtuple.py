# collections.namedtuple: fields, defaults, _make/_replace/_asdict, repr,
# tuple behaviour, renaming, and the errors of creating and calling one.
import asyncio
from collections import namedtuple

Job = namedtuple("Job", "name delay retries", defaults=[0])
Point = namedtuple("Point", ["x", "y"])


async def run(job):
    await asyncio.sleep(job.delay)
    return job._replace(retries=job.retries + 1)


async def main():
    jobs = [Job("fetch", 0.3), Job("parse", delay=0.1, retries=2), Job._make(["store", 0.2, 5])]
    results = await asyncio.gather(*(run(job) for job in jobs))
    for job in results:
        print(job, job._asdict(), job.name, job[1], len(job))
    print(Job, Job._fields, Job._field_defaults, Job.__doc__, Job.__match_args__)
    print(Job.name, Job.delay.__doc__, Job.__bases__, Job.__name__, Job.__module__)

    p = Point(3, 4)
    x, y = p
    print(p, x + y, p == (3, 4), p < Point(3, 5), hash(p) == hash((3, 4)), p + (5,))
    print(isinstance(p, tuple), tuple(p), list(p), p.count(3), p.index(4), p[::-1])
    print(sorted([Point(2, 1), Point(1, 2)]), {p: "origin"}[Point(3, 4)])
    print(f"{p}", "%s and %r" % (p, p), "x=%d y=%d" % p)
    print(namedtuple("Renamed", "ok, _hidden, def, ok", rename=True)._fields)
    print(namedtuple("Single", "only")(1), namedtuple("Empty", "")())

    class Vector(Point):
        __slots__ = ()

        def length(self):
            return (self.x ** 2 + self.y ** 2) ** 0.5

    print(Vector(6, 8), Vector(6, 8).length())

    Triple = namedtuple("Triple", "a b c")
    attempts = [
        lambda: Triple(),
        lambda: Triple(1),
        lambda: Triple(1, 2),
        lambda: Triple(1, 2, 3, 4),
        lambda: Job(),
        lambda: Job("a", 1, 2, 3),
        lambda: Job("a", 1, bogus=2),
        lambda: Job("a", name="b"),
        lambda: Job._make([1]),
        lambda: p._replace(z=1),
        lambda: setattr(p, "x", 10),
        lambda: p.z,
        lambda: namedtuple("T", "a a"),
        lambda: namedtuple("T", "_a"),
        lambda: namedtuple("T", "a for"),
        lambda: namedtuple("T", "a 2b"),
        lambda: namedtuple("bad name", "a"),
        lambda: namedtuple("T", "a", defaults=(1, 2)),
    ]
    for attempt in attempts:
        try:
            print("no error:", attempt())
        except Exception as exc:
            print(type(exc).__name__, exc)


asyncio.run(main())
