# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# A pipeline of queues: items pass through stages joined by bounded queues; the slowest stage sets the pace
import asyncio

ITEMS = 4
MAXSIZE = 1
STAGE_DELAY = 0.5
LAST_DELAY = 1.5


async def stage(name, inbox, outbox):
    """Takes each item from inbox, works on it, passes it to outbox."""
    while True:
        item = await inbox.get()
        await asyncio.sleep(STAGE_DELAY)
        await outbox.put(item)
        print(f"{name} passed item {item} on")
        inbox.task_done()


async def last_stage(inbox):
    """The slowest stage: the queues before it fill up."""
    while True:
        item = await inbox.get()
        await asyncio.sleep(LAST_DELAY)
        print(f"item {item} is through the pipeline")
        inbox.task_done()


async def main():
    queue_1 = asyncio.Queue(maxsize=MAXSIZE)
    queue_2 = asyncio.Queue(maxsize=MAXSIZE)
    queue_3 = asyncio.Queue(maxsize=MAXSIZE)
    stage_1 = asyncio.create_task(stage("stage 1", queue_1, queue_2), name="stage-1")
    stage_2 = asyncio.create_task(stage("stage 2", queue_2, queue_3), name="stage-2")
    last = asyncio.create_task(last_stage(queue_3), name="stage-3")
    for item in range(ITEMS):
        await queue_1.put(item)
        print(f"main fed item {item}")
    await queue_1.join()
    await queue_2.join()
    await queue_3.join()
    stage_1.cancel()
    stage_2.cancel()
    last.cancel()
    print("the pipeline is empty")


asyncio.run(main())
