# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# A chain of awaits: each stage awaits the next, so they finish in reverse order, one after another
import asyncio

STAGE_DELAY = 1.0


async def stage_1():
    """Stage 1 of the chain."""
    print("stage_1 starts")
    value = await stage_2()
    await asyncio.sleep(STAGE_DELAY)
    print("stage_1 done")
    return value + 1


async def stage_2():
    """Stage 2 of the chain."""
    print("stage_2 starts")
    value = await stage_3()
    await asyncio.sleep(STAGE_DELAY)
    print("stage_2 done")
    return value + 1


async def stage_3():
    """Stage 3 of the chain."""
    print("stage_3 starts")
    await asyncio.sleep(STAGE_DELAY)
    print("stage_3 done")
    return 1


async def main():
    print("main awaits stage_1")
    stages = await stage_1()
    print(f"main got {stages} back from the chain")


asyncio.run(main())
