# datetime.now()/today()/utcnow()/date.today() read the virtual clock (the Unix epoch, UTC), also across asyncio sleeps and time.sleep
import asyncio
import time
from datetime import date, datetime, timedelta, timezone

start = datetime.now()
print(repr(start), datetime.today(), datetime.utcnow(), date.today(), datetime.now(timezone.utc), datetime.now(timezone(timedelta(hours=9))))


async def worker(name, delay):
    await asyncio.sleep(delay)
    now = datetime.now()
    print(f"{name} at {now:%H:%M:%S.%f}", now - start, (now - start).total_seconds(), now.timestamp() == time.time())


async def main():
    await asyncio.gather(worker("fast", 0.25), worker("slow", 90.5))
    time.sleep(86400 * 3 + 0.000001)
    print(datetime.now().isoformat(), date.today(), datetime.now().strftime("%A %d %B %Y %I:%M %p"), datetime.fromtimestamp(time.time()))


asyncio.run(main())
