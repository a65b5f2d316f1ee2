# asyncio.Runner options and errors: debug=, loop_factory=, run() of a non-coroutine (the loop is made first), run() inside a running loop, a Runner used without with, asyncio.run(5) and the task numbers it uses up
import asyncio


async def job(n):
    await asyncio.sleep(n)
    return asyncio.current_task().get_name()


r = asyncio.Runner(debug=False)
print(r.get_loop().get_debug(), r.run(job(0.1)))
r.close()

made = []


def factory():
    loop = asyncio.new_event_loop()
    made.append(loop)
    return loop


with asyncio.Runner(loop_factory=factory) as r:
    print(r.get_loop() is made[0], r.run(job(0.2)))
print(made[0].is_closed())

with asyncio.Runner() as r:
    for bad in (5, job):
        try:
            r.run(bad)
        except ValueError as e:
            print("ValueError:", str(e).split(" at 0x")[0])
    c = job(0)
    print(r.run(c))


async def nested():
    inner = job(0)
    try:
        asyncio.Runner().run(inner)
    except RuntimeError as e:
        print("RuntimeError:", e)
    inner.close()
    try:
        asyncio.run(inner)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(nested())

for bad in (5, None):
    try:
        asyncio.run(bad)
    except ValueError as e:
        print("ValueError:", e)
print(asyncio.run(job(0)))
c = job(0)
try:
    asyncio.run(c, debug=False, loop_factory=None)
except TypeError as e:
    print("TypeError:", e)
c.close()
r = asyncio.Runner(debug=True)
print(r.get_loop().get_debug())
r.get_loop().set_debug(False)
print(r.get_loop().get_debug())
print(r.run(job(0)))
r.close()
try:
    asyncio.Runner(False)
except TypeError as e:
    print("TypeError:", e)
