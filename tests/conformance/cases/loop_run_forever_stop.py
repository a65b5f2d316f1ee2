# loop.run_forever() runs until loop.stop(), from a callback or a task; the loop can run again afterwards
import asyncio


async def heartbeat(loop, beats):
    for n in range(beats):
        await asyncio.sleep(1)
        print(f"{loop.time():.0f} beat {n} running={loop.is_running()}")
    loop.stop()


async def slow():
    await asyncio.sleep(10)
    return "slow done"


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
worker = loop.create_task(slow())
loop.create_task(heartbeat(loop, 3))
loop.run_forever()
print("stopped at", loop.time(), "running:", loop.is_running(), "slow done:", worker.done())

loop.call_later(2.5, loop.stop)
loop.run_forever()
print("stopped again at", loop.time())

print(loop.run_until_complete(worker), loop.time())
loop.call_soon(print, "a callback queued before stop runs first")
loop.stop()
loop.run_forever()
print("closed:", loop.is_closed())
loop.close()
try:
    loop.run_forever()
except RuntimeError as e:
    print(e)
