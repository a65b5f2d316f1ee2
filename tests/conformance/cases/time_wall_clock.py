# The wall clock is the virtual clock from the Unix epoch, in UTC: strftime/asctime/ctime without a time follow it
import asyncio
import time

print(time.ctime(), "|", time.asctime(), "|", time.strftime("%Y-%m-%d %H:%M:%S %Z %z"))
print(time.timezone, time.altzone, time.daylight, time.tzname)


async def tick(label, delay):
    await asyncio.sleep(delay)
    print(label, time.strftime("%H:%M:%S"), time.ctime(time.time() + 0.75))


async def main():
    await asyncio.gather(tick("a", 1.25), tick("b", 59.5), tick("c", 3600))
    time.sleep(86400 * 92)
    print(time.strftime("%c"), time.mktime((1970, 4, 3, 0, 0, 0, 0, 1, 0)), time.time())


asyncio.run(main())
