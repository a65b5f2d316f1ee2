# An exception thrown into a generator or coroutine that never started: its traceback line is the def (or first decorator) line, without carets
import asyncio
import traceback


def identity(f):
    return f


def numbers():
    first = 1
    yield first


@identity
async def fetch(
    url,
):
    body = url.upper()
    return body


g = numbers()
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("tb_lineno:", e.__traceback__.tb_next.tb_lineno)
    traceback.print_exc()

c = fetch("x")
try:
    c.throw(ValueError("v"))
except ValueError:
    traceback.print_exc()


async def main():
    task = asyncio.create_task(fetch("y"))
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        traceback.print_exc()
    await asyncio.wait_for(fetch("z"), timeout=0)


asyncio.run(main())
