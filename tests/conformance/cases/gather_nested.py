# a gather of gathers returns nested lists and takes as long as the slowest leaf
import asyncio


async def leaf(value, delay):
    await asyncio.sleep(delay)
    return value


async def branch(prefix):
    return await asyncio.gather(leaf(prefix + "1", 1), leaf(prefix + "2", 0.5))


async def main():
    loop = asyncio.get_running_loop()
    tree = await asyncio.gather(branch("a"), branch("b"), leaf("c", 1.5))
    print(tree, loop.time())


asyncio.run(main())
