# tasks asyncio makes itself (run_until_complete's, gather's) never report being destroyed pending; a handler set on the loop receives the report of a program's task
import asyncio


async def slow(n):
    await asyncio.sleep(n)
    return n


def handler(loop, context):
    print("handler got", sorted(context), "-", context["message"])
    print("task:", context["task"].get_name(), context["task"].done())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.set_exception_handler(handler)
loop.call_later(1, loop.stop)
try:
    loop.run_until_complete(asyncio.gather(slow(5), slow(7)))
except RuntimeError as e:
    print("RuntimeError:", e)
loop.call_later(0.5, loop.stop)
try:
    loop.run_until_complete(slow(3))
except RuntimeError as e:
    print("RuntimeError:", e)
loop.create_task(slow(1), name="mine")
loop.close()
print("closed")
