# done callbacks run in registration order, one loop iteration after the task finishes
import asyncio


def report(label):
    def callback(task):
        print(f"{label}: {task.get_name()} -> {task.result()}")
    return callback


async def job():
    await asyncio.sleep(1)
    print("job returns")
    return "value"


async def main():
    task = asyncio.create_task(job(), name="job")
    task.add_done_callback(report("first"))
    task.add_done_callback(report("second"))
    dropped = report("dropped")
    task.add_done_callback(dropped)
    print("removed:", task.remove_done_callback(dropped))
    await task
    print("main resumes")
    task.add_done_callback(report("late"))
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
