# logging: every record is stamped with the virtual clock, so the timestamps match the timeline
import asyncio
import logging

logging.basicConfig(
    level=logging.INFO,
    format="%(relativeCreated)5.0fms %(levelname)-7s %(name)s: %(message)s",
)
logging.getLogger("worker").setLevel(logging.DEBUG)  # the workers also say when they start


async def worker(name, jobs):
    log = logging.getLogger(f"worker.{name}")
    for job, seconds in jobs:
        log.debug("start %s", job)
        await asyncio.sleep(seconds)
        if seconds > 1:
            log.warning("%s was slow (%.1fs)", job, seconds)
        else:
            log.info("done %s", job)


async def main():
    logging.getLogger("main").info("two workers start")
    await asyncio.gather(
        worker("a", [("resize", 0.5), ("upload", 1.5)]),
        worker("b", [("index", 0.75), ("mail", 0.25)]),
    )
    logging.getLogger("main").info("all jobs done")


asyncio.run(main())
