# __await__: a custom awaitable that hands the loop a Future, resolved later by a timer
import asyncio


class Delivery:
    """Awaiting a Delivery waits until the parcel arrives."""

    def __init__(self, parcel, days):
        self.parcel = parcel
        self.days = days

    def __await__(self):
        loop = asyncio.get_running_loop()
        arrived = loop.create_future()
        loop.call_later(self.days, arrived.set_result, f"{self.parcel} delivered")
        print(f"{self.parcel}: arrives in {self.days} s")
        result = yield from arrived  # the task is parked on this Future
        return result.upper()


async def main():
    print(await Delivery("book", 2))
    results = await asyncio.gather(Delivery("lamp", 3), Delivery("socks", 1))
    print(results)


asyncio.run(main())
