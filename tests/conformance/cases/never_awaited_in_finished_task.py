# coroutines held by a task's locals and never awaited are reported when the task's coroutine returns, at asyncio's Handle._run (once per message)
import asyncio


async def fetch(url):
    await asyncio.sleep(0.1)
    return url


async def crawl(urls):
    pending = [fetch(u) for u in urls]  # built, then forgotten
    await asyncio.sleep(0.2)
    print("crawl returns with", len(pending), "coroutines unawaited")


async def helper():
    later = asyncio.sleep(1)
    print("helper made", type(later).__name__)


async def main():
    await asyncio.create_task(crawl(["a", "b"]))
    print("after the crawl task")
    await asyncio.gather(helper(), helper())
    print("after two helpers")
    await helper()
    print("after an awaited helper")


asyncio.run(main())
print("done")
