# Debug mode keeps a cancelled handle's repr with its callback; without debug the callback goes.
import asyncio


def report(x):
    print("report", x)


async def main():
    loop = asyncio.get_running_loop()
    timer = loop.call_later(1, report, [1, 2])
    timer.cancel()
    print(repr(timer))
    soon = loop.call_soon(report, 3)
    soon.cancel()
    print(repr(soon))
    print(str(soon))
    loop.set_debug(False)
    plain = loop.call_soon(report, 4)
    print(repr(plain))
    plain.cancel()
    print(repr(plain))
    print(loop.get_debug())

asyncio.run(main(), debug=True)
