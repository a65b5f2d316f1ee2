# join() waits until task_done() was called once per item; one call too many raises ValueError
import asyncio


async def worker(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(item)
        print(f"{name} handled {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for item in (0.3, 0.1, 0.2, 0.4):
        queue.put_nowait(item)
    workers = [asyncio.create_task(worker(f"w{i}", queue)) for i in range(2)]
    await queue.join()
    print("all handled at", round(asyncio.get_running_loop().time(), 6))
    for task in workers:
        task.cancel()
    try:
        queue.task_done()
    except ValueError as error:
        print("ValueError:", error)


asyncio.run(main())
