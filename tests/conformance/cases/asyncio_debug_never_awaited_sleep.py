# Debug mode: an asyncio.sleep() never awaited says where it was made; a deep origin is cut at 10 frames, repeats collapsed.
import asyncio


async def forgetful():
    asyncio.sleep(1)
    print("forgot to await")
    await asyncio.sleep(0)


async def deep(n):
    if n == 0:
        asyncio.sleep(2)
        return
    await deep(n - 1)


async def main():
    await asyncio.create_task(forgetful())
    await deep(12)

asyncio.run(main(), debug=True)
