await asyncio= .sleep(0)
