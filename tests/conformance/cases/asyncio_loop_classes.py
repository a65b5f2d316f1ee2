# asyncio.AbstractEventLoop, BaseEventLoop, SelectorEventLoop, Handle and TimerHandle as annotations and in isinstance, and asyncio._get_running_loop
import asyncio
from typing import Optional

class Service:
    def __init__(self, loop: asyncio.AbstractEventLoop, handle: Optional[asyncio.TimerHandle] = None):
        self.loop = loop
        self.handle = handle

    def schedule(self) -> asyncio.Handle:
        return self.loop.call_soon(print, "scheduled")

async def main():
    loop = asyncio.get_running_loop()
    s = Service(loop)
    h = s.schedule()
    print(isinstance(loop, asyncio.AbstractEventLoop), isinstance(loop, asyncio.BaseEventLoop))
    print(isinstance(h, asyncio.Handle), isinstance(loop.call_later(1, print), asyncio.TimerHandle))
    print(asyncio._get_running_loop() is loop, asyncio.events._get_running_loop() is loop)
    print([c.__qualname__ for c in type(loop).__mro__[-5:]])
    print(asyncio.SelectorEventLoop, asyncio.AbstractEventLoop, asyncio.base_events.BaseEventLoop)
    await asyncio.sleep(0)
    for t in asyncio.all_tasks():
        pass

print(asyncio._get_running_loop())
try:
    asyncio._get_running_loop(1)
except TypeError as e:
    print(e)
asyncio.run(main())
print(issubclass(asyncio.SelectorEventLoop, asyncio.AbstractEventLoop), asyncio.unix_events.SelectorEventLoop is asyncio.SelectorEventLoop)
