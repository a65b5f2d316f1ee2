# math.comb and math.perm: counting schedules of tasks, with CPython's errors
import asyncio
import math


async def main():
    workers, jobs = 4, 10
    print(f"{math.comb(jobs, workers)} ways to pick {workers} of {jobs} jobs")
    print(f"{math.perm(jobs, workers)} orders to start them, {math.perm(workers)} orders for the workers")
    print(math.comb(3, 10), math.perm(3, 10), math.comb(True, True), math.perm(5, None), math.comb(60, 30))
    for call, args in [(math.comb, (5,)), (math.comb, (-1, 2)), (math.comb, (5, -2)), (math.comb, (5.0, 2)),
                       (math.perm, (5, -1)), (math.perm, (-5,)), (math.perm, (1, 2, 3)), (math.perm, ("a",))]:
        try:
            call(*args)
        except (TypeError, ValueError) as e:
            print(call.__name__, args, type(e).__name__, e)
    await asyncio.sleep(0)


asyncio.run(main())
