# delays below the 1e-9 s clock resolution are due at once; larger ones wait
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(2e-9, print, "2e-9")
    loop.call_later(1e-10, print, "1e-10")
    loop.call_later(5e-10, print, "5e-10")
    loop.call_later(1e-6, print, "1e-6")
    loop.call_soon(print, "soon")
    await asyncio.sleep(0)
    print("after sleep(0), clock moved:", loop.time() - start)
    await asyncio.sleep(0.001)
    print("after sleep(0.001):", repr(loop.time()))


asyncio.run(main())
