plain = #asyncio.Semaphore(1)
