# debug mode logs "Close <loop repr>" from BaseEventLoop.close as a loop closes (asyncio.run, a Runner, loop.close()); print(loop) shows the real loop class
import asyncio
import logging

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s %(funcName)s:%(lineno)d %(message)s")

async def main():
    loop = asyncio.get_running_loop()
    print(loop)
    await asyncio.sleep(0.1)
    return loop

loop = asyncio.run(main(), debug=True)
print(loop, loop.is_closed())
asyncio.run(main())
loop = asyncio.new_event_loop()
loop.set_debug(True)
print(loop.run_until_complete(asyncio.sleep(0.2, "slept")))
loop.close()
loop.close()
with asyncio.Runner(debug=True) as runner:
    runner.run(asyncio.sleep(0))
print("end")
