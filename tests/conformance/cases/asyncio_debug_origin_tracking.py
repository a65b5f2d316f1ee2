# Coroutine origin tracking: PYTHONASYNCIODEBUG, set_debug on a running loop, sys's depth.
import asyncio
import os
import sys


async def child():
    return 1


def program_frames(coro):
    if coro.cr_origin is None:
        return None
    return [frame for frame in coro.cr_origin if frame[0] == __file__]


async def main():
    loop = asyncio.get_running_loop()
    print("debug", loop.get_debug(), sys.get_coroutine_origin_tracking_depth())
    c = child()
    print(program_frames(c))
    await c
    loop.set_debug(False)
    print("after set_debug(False)", sys.get_coroutine_origin_tracking_depth())
    await asyncio.sleep(0)
    print("next iteration", sys.get_coroutine_origin_tracking_depth())
    loop.set_debug(True)
    await asyncio.sleep(0)
    print("again", sys.get_coroutine_origin_tracking_depth())


def nested(level):
    if level == 0:
        return child()
    return nested(level - 1)


print(sys.get_coroutine_origin_tracking_depth())
os.environ["PYTHONASYNCIODEBUG"] = "1"
asyncio.run(main())
print(sys.get_coroutine_origin_tracking_depth())
os.environ["PYTHONASYNCIODEBUG"] = ""
asyncio.run(main())
sys.set_coroutine_origin_tracking_depth(3)
print(sys.get_coroutine_origin_tracking_depth())
print(program_frames(nested(5)))
sys.set_coroutine_origin_tracking_depth(0)
print(child().cr_origin)
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)
loop = asyncio.new_event_loop()
print(loop.get_debug())
loop.set_debug(1)
print(loop.get_debug())
loop.run_until_complete(asyncio.sleep(0))
loop.close()
sys.set_coroutine_origin_tracking_depth(2)
nested(1)
