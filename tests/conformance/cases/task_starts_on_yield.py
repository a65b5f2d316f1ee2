# a created task does not start until the creating coroutine yields to the loop
import asyncio


async def child(n):
    print("child", n, "runs")


async def main():
    for n in range(3):
        asyncio.create_task(child(n))
        print("created", n)
    print("main has not yielded yet")
    await asyncio.sleep(0)
    print("main after sleep(0)")


asyncio.run(main())
