# Forgot await: calling a coroutine function without await runs nothing and warns
import asyncio


async def save(document):
    await asyncio.sleep(1)
    print("saved", document)


async def main():
    save("draft.txt")  # oops: creates a coroutine, never runs it
    print("main thinks the draft is saved...")
    await save("final.txt")  # correct: await runs it
    print("...but only final.txt was saved")


asyncio.run(main())
