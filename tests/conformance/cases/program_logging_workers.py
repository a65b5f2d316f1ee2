# Logging on the virtual clock: basicConfig with asctime/msecs/relativeCreated,
# per-worker loggers, levels, a warning for a slow job and an exception logged
# with its traceback, all stamped with the simulated time.
import asyncio
import logging

logging.basicConfig(
    level=logging.DEBUG,
    format="%(asctime)s.%(msecs)03d %(relativeCreated)6.0fms %(levelname)-7s %(name)s: %(message)s",
    datefmt="%H:%M:%S",
)
log = logging.getLogger("scheduler")


async def worker(name, jobs, slow_after):
    wlog = logging.getLogger(f"scheduler.{name}")
    for job, seconds in jobs:
        wlog.debug("starting %s (%.2fs)", job, seconds)
        await asyncio.sleep(seconds)
        if seconds > slow_after:
            wlog.warning("%s was slow: %.2fs", job, seconds)
        else:
            wlog.info("finished %s", job)
    if name == "w2":
        try:
            {}["missing-config"]
        except KeyError:
            wlog.exception("could not load its configuration")


async def main():
    log.info("starting %d workers", 2)
    await asyncio.gather(
        worker("w1", [("resize", 0.25), ("upload", 1.5)], slow_after=1.0),
        worker("w2", [("index", 0.75), ("report", 0.125)], slow_after=1.0),
    )
    logging.getLogger("scheduler.w1").setLevel(logging.WARNING)
    logging.getLogger("scheduler.w1").info("not shown: below the logger's level")
    log.critical("all done at loop time %.3f", asyncio.get_running_loop().time())


asyncio.run(main())
